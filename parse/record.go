package parse

import "minutes/extract"

// Schema is the version tag of the record contract (../shared/spec/record.md).
const Schema = "minutes.record/v1"

// Pos is a source position (page, line); every fact of the record carries one. In JSON the
// fields are "page" and "line", extensions to the contract that consumers may ignore.
type Pos = extract.Pos

// Record is the structured content of one document: the JSON contract printed by
// `minutes parse --json` and `minutes export --json`. Values the document does not state are
// null or empty, never guessed.
type Record struct {
	Schema      string       `json:"schema"`
	Source      Source       `json:"source"`
	Meeting     Meeting      `json:"meeting"`
	Counts      Counts       `json:"counts"`
	People      []Person     `json:"people"`
	Attendance  []Attendance `json:"attendance"`
	Proxies     []Proxy      `json:"proxies"`
	Agenda      []AgendaItem `json:"agenda"`
	Items       []Item       `json:"items"`
	Tables      []Table      `json:"tables"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	// Furniture is the page furniture (running headers, footers, page numbers) taken out of the
	// prose of a PDF: kept so that nothing is lost.
	Furniture []Text `json:"furniture,omitempty"`
	// Unplaced is body text that belongs to no section (before the first heading, say).
	Unplaced []Text `json:"unplaced,omitempty"`
}

// Source describes the document the record was read from.
type Source struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Format string `json:"format"` // "text" or "pdf"
	Pages  int    `json:"pages"`
}

// Text is a run of source text with the position of its first line.
type Text struct {
	Pos
	Text string `json:"text"`
}

// Evidence is the raw text a value was read from, and where: kept for every meeting field and
// count so that an analyst can check any value against the page.
type Evidence struct {
	Pos
	Text string `json:"text"`
}

// Meeting is the séance: who held it, when and where. Dates are YYYY-MM-DD, times HH:MM.
type Meeting struct {
	Body                *string      `json:"body"`
	Assembly            *string      `json:"assembly"`
	Date                *string      `json:"date"`
	StartTime           *string      `json:"start_time"`
	EndTime             *string      `json:"end_time"`
	Place               *string      `json:"place"`
	ConvenedOn          *string      `json:"convened_on"`
	President           *string      `json:"president"` // a Person.ID
	Secretary           *string      `json:"secretary"` // a Person.ID
	PreviousMinutesDate *string      `json:"previous_minutes_date"`
	NextMeeting         *NextMeeting `json:"next_meeting"`
	// Evidence maps a field name ("date", "place", …) to the text it was read from.
	Evidence map[string]Evidence `json:"evidence,omitempty"`
}

// NextMeeting is the next séance when the minutes announce it.
type NextMeeting struct {
	Date *string `json:"date"`
	Time *string `json:"time"`
}

// Counts are the meeting-level figures exactly as stated: membres en exercice, présents,
// représentés (pouvoirs), votants, suffrages exprimés, pour, contre, abstention.
type Counts struct {
	InOffice    *int `json:"in_office"`
	Present     *int `json:"present"`
	Represented *int `json:"represented"`
	Voters      *int `json:"voters"`
	VotesCast   *int `json:"votes_cast"`
	For         *int `json:"for"`
	Against     *int `json:"against"`
	Abstention  *int `json:"abstention"`
	// Evidence maps a field name ("in_office", …) to the text it was read from.
	Evidence map[string]Evidence `json:"evidence,omitempty"`
}

// Person is someone the record refers to, once each. Key links mentions and people across
// meetings: lower case, accents removed, given then family.
type Person struct {
	ID       string  `json:"id"`
	Civility *string `json:"civility"` // "M." or "Mme"
	Given    *string `json:"given"`
	Family   *string `json:"family"`
	Key      string  `json:"key"`
	// Text is the most complete mention, as written; Pos is where it was first seen.
	Text string `json:"text,omitempty"`
	Pos
}

// Attendance statuses.
const (
	Present = "present"
	Absent  = "absent"
	Excused = "excused"
	Guest   = "guest"
)

// Attendance is one person's presence at the meeting. A suppléant (substitute) is present with
// SubstituteFor set to the member they replace.
type Attendance struct {
	Person        string  `json:"person"`
	Status        string  `json:"status"`
	SubstituteFor *string `json:"substitute_for"`
	Pos
}

// Proxy is a pouvoir or procuration: From gives their vote to To.
type Proxy struct {
	From string  `json:"from"`
	To   *string `json:"to"` // null when the document names no holder
	Text string  `json:"text,omitempty"`
	Pos
}

// AgendaItem is an entry of the ordre du jour, flattened in document order.
type AgendaItem struct {
	Path   string  `json:"path"`
	Number *string `json:"number"`
	Title  string  `json:"title"`
	Level  int     `json:"level"`
	Pos
}

// Item kinds.
const (
	KindHeading      = "heading"
	KindDeliberation = "deliberation"
	KindInformation  = "information"
	KindOther        = "other"
)

// Item is a numbered section of the body of the minutes.
type Item struct {
	Path       string     `json:"path"`
	Number     *string    `json:"number"`
	Title      string     `json:"title"`
	Level      int        `json:"level"`
	Kind       string     `json:"kind"`
	AgendaPath *string    `json:"agenda_path"`
	Text       string     `json:"text"`
	Decisions  []Decision `json:"decisions"`
	Exchanges  []Exchange `json:"exchanges"`
	Amounts    []Amount   `json:"amounts"`
	Pos
	// End is the last line of the section.
	End Pos `json:"end"`
}

// Decision outcomes.
const (
	Adopted  = "adopted"
	Rejected = "rejected"
	Noted    = "noted"    // prend acte
	Deferred = "deferred" // ajourné, retiré
)

// Decision is one decision taken in a section, with its vote when the document states it.
type Decision struct {
	Outcome    string `json:"outcome"`
	Unanimous  bool   `json:"unanimous"`
	For        *int   `json:"for"`
	Against    *int   `json:"against"`
	Abstention *int   `json:"abstention"`
	Text       string `json:"text"`
	// Voters names those voting against, abstaining or not taking part, when printed.
	Voters []Voter `json:"voters,omitempty"`
	Pos
}

// Voter is a named vote in a decision: "against", "abstention" or "not_voting".
type Voter struct {
	Person string `json:"person"`
	Vote   string `json:"vote"`
}

// Exchange is one paragraph of the debate.
type Exchange struct {
	Speaker     *string `json:"speaker"` // a Person.ID, or null for narrative
	SpeakerText *string `json:"speaker_text"`
	Form        string  `json:"form"` // "direct" or "reported"
	Text        string  `json:"text"`
	Pos
}

// Amount is a money amount in prose: an exact decimal string, its currency and its raw text.
type Amount struct {
	Value    string  `json:"value"`
	Currency *string `json:"currency"`
	Text     string  `json:"text"`
	Pos
}

// Table is a table of the document (budget or other).
type Table struct {
	ItemPath *string  `json:"item_path"`
	Title    *string  `json:"title"`
	Section  *string  `json:"section"`
	Columns  []string `json:"columns"`
	Rows     []Row    `json:"rows"`
	// Units gives each value column's unit when the header or the cells state one: "EUR" or
	// "%" (percentages and counts are numbers, not money); "" where none is stated.
	Units []string `json:"units,omitempty"`
	Pos
}

// Row kinds.
const (
	RowLine     = "line"
	RowSubtotal = "subtotal"
	RowTotal    = "total"
)

// Row is one row of a table. Values follow the table's columns, null where a cell is empty.
type Row struct {
	Code   *string   `json:"code"`
	Label  string    `json:"label"`
	Kind   string    `json:"kind"`
	Values []*string `json:"values"`
	// Cells keeps each value's raw text, in the same order (null where empty).
	Cells []*string `json:"cells,omitempty"`
	Pos
}

// Severities of diagnostics.
const (
	SevError   = "error"
	SevWarning = "warning"
	SevInfo    = "info"
)

// Diagnostic is something the pipeline noticed but could not settle.
type Diagnostic struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Pos
}
