// Package store saves records in SQLite and reads them back.
package store
