-- minutes: schema version 3 — runs also count the files skipped (formats not read).
ALTER TABLE runs ADD COLUMN skipped INTEGER;
