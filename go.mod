module minutes

go 1.26.0

require golang.org/x/text v0.44.0

require (
	github.com/dlclark/regexp2 v1.12.0 // indirect
	github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0 // indirect
	github.com/mattn/go-sqlite3 v1.14.53 // indirect
	github.com/shopspring/decimal v1.6.0 // indirect
)
