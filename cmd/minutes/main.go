// Command minutes turns the minutes of French local-government assemblies (procès-verbaux and
// comptes rendus of conseils municipaux, syndicaux, communautaires) into structured records and
// a SQLite database. Run `minutes -h` for the subcommands.
package main

import "os"

func main() { os.Exit(Do(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
