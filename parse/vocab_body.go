package parse

import (
	"strings"
	"unicode/utf8"
)

// French vocabulary of the body of the minutes: section numbering, agenda markers, vote wording,
// debate markers and reporting verbs. Patterns run on folded text (normalize.Fold: lower case,
// no accents, typographic apostrophes folded to '), except where a pattern says it reads the
// original line.

// headingForm is one way of numbering a section. num captures the number as written, title the
// rest of the line. style names the numbering family, so that the outline can tell levels apart;
// seq tells how the running order of that family is checked.
type headingForm struct {
	style  string
	re     *rx // on the original line (case matters: roman numerals, letters)
	seq    seqKind
	starts string // the bytes a matching line can start with: a cheap test before the pattern
	// bare marks a register number written without "N°" or "Délibération": delibNumberOK must
	// tell it from an outline number or a date.
	bare bool
}

// bareDigitWithin bounds where a bare register number's first digit sits: its form opens with
// at most four capitals (up to 4 bytes each) and a dash or a space. Most prose lines open with
// a capital too, and a byte test spares them the pattern.
const bareDigitWithin = 4*utf8.UTFMax + 2

const digits = "0123456789"

// seqKind is how the numbers of a heading family follow each other.
type seqKind int

const (
	seqNone   seqKind = iota // deliberation numbers: any value, in any order
	seqArabic                // 1, 2, 3 (0 allowed first)
	seqRoman                 // I, II, III
	seqLetter                // A, B, C
	seqDotted                // 6.1, 6.2 under 6; the last component counts
)

// headingForms are tried in order; the first that matches wins.
var headingForms = []headingForm{
	// Deliberation numbers: "N° 2016.02.16 - Subvention…", "DÉLIBÉRATION N° 2014/155",
	// "2013.04.08 - 1 ADOPTION…", "DL-061-07-13 - Travaux…", "D2018-66 …", "2020-038 SUBVENTION…",
	// "23-02/001 – Rapport…", "24-07/059 …", "2014/25 – DECISIONS…", "2008/1 – …".
	{"delib", mustRx(`^(?:(?i:d[ée]lib[ée]ration)\s+)?N[°o]\.?\s*(\d{2,4}[./-]\d{1,3}(?:[./-]\d{1,3})*)\s*(?:[-–—:]\s*)?(.*)$`), seqNone, "dDN", false},
	// "Délibération n° 12 : Tarifs", "DÉLIBÉRATION N°2023-45 – Budget"
	{"delib", mustRx(`^(?i:d[ée]lib[ée]ration)\s+(?i:n[°o])\.?\s*(\d{1,4}(?:[./_-]\d{1,4})*)\s*(?:[-–—:]\s*)?(.*)$`), seqNone, "dD", false},
	{"delib", mustRx(`^(\d{4}\.\d{2}\.\d{2}\s*-\s*(?:\d{1,3}|[IVX]+))\.?\s*[-–:]?\s*(.*)$`), seqNone, digits, false},
	// Any other register number: up to four capitals, then two to four groups of digits joined
	// by ".", "/" or "-" ("DL-061-07-13", "D2018-66", "DE-2011/67", "23-02/001", "2014/25",
	// "2020-038"), then a dash or a colon, or a title that opens with a capital. delibNumberOK
	// tells it from an outline number ("10.1"), a date or a span of years.
	{"delib", mustRx(`^(\p{Lu}{0,4}[- ]?\d{1,4}(?:[./-]\d{1,4}){1,3})\s*(?:[-–—:]\s*(.*)|\s(\p{Lu}.*))$`), seqNone, digits + "ABCDEFGHIJKLMNOPQRSTUVWXYZ", true},
	// "Point n° 1 : Finances Communales"
	{"point", mustRx(`^(?i:point|question|affaire|dossier)\s+(?i:n[°o])?\s*(\d{1,2})\s*[:.\-–]\s*(.*)$`), seqArabic, "pPqQaAdD", false},
	// "I.2 DÉLIBÉRATIONS": a roman part and an arabic sub-number.
	{"roman.arabic", mustRx(`^([IVX]{1,4}\.\d{1,2})\.?\s+(.*)$`), seqDotted, "IVX", false},
	// "I. VIE DU SYNDICAT", "II – COMMUNAUTE DE COMMUNES", "IV) PERSONNEL"
	{"roman", mustRx(`^([IVX]{1,5})\s*(?:[.)]\s+|\s[-–—]\s*|[-–—]\s+|/\s*)(.+)$`), seqRoman, "IVX", false},
	// "6.1 Ecole", "1.1 – Section de fonctionnement", "1.1.1. Recettes"
	// "1-1 : Autorisation …", "2- 1 : …", "1-3 A : Relevés topographiques." (convocations)
	{"hyphen2", mustRx(`^(\d{1,2}\s*-\s*\d{1,2})\s*[:–—]\s*(\p{L}.*)$`), seqDotted, digits, false},
	{"hyphenL", mustRx(`^(\d{1,2}\s*-\s*\d{1,2}\s+[A-H])\s*[:–—]\s*(\p{L}.*)$`), seqLetter, digits, false},
	{"dotted", mustRx(`^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*(?:[-–—)]\s*)?(\p{L}.*)$`), seqDotted, digits, false},
	// "1. Modification…", "1) Vote…", "1 - AFFECTATION…", "1/ la prise…", "1° …"
	{"arabic.", mustRx(`^(\d{1,2})\s*\.\s*(.+)$`), seqArabic, digits, false},
	{"arabic)", mustRx(`^(\d{1,2})\s*\)\s*(.*)$`), seqArabic, digits, false},
	{"arabic-", mustRx(`^(\d{1,2})\s*[-–—](?:\s+(.+)|(\p{Lu}.*))$`), seqArabic, digits, false},
	{"arabic/", mustRx(`^(\d{1,2})\s*/\s*(.+)$`), seqArabic, digits, false},
	{"arabic°", mustRx(`^(\d{1,2})\s*°\s*[-–—:)/]?\s*(.+)$`), seqArabic, digits, false},
	// "A. Direction Générale des services", "B) Pôle…" (not "A. ORSINI, N. PULICANI", a list
	// of names with their initials: see reInitialsList)
	{"letter", mustRx(`^([A-H])\s*[.)]\s+(.+)$`), seqLetter, "ABCDEFGH", false},
}

var (
	// reDateLike is a date or a span of years, which a register number never is.
	reDateLike = mustRx(`^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$|^\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})$|^\d{1,2}-\d{1,2}-(?:\d{2}|\d{4})$|^(?:19|20)\d{2}\s*[-/]\s*(?:19|20)\d{2}$`)
	// reInitialsList is the rest of a line that lists people by initial and surname: "ORSINI,
	// N. PULICANI, M.C. RUIZ".
	reInitialsList = mustRx(`^\p{Lu}[\p{L}'’-]+\s*,\s*(?:\p{Lu}\.\s*){1,3}\p{Lu}`)
	// reAgendaMarker is a line announcing the ordre du jour (agenda), alone or with the list after it.
	reAgendaMarker = mustRx(`^(?:[-•*]\s*)?(?:l'\s*)?(?:ordre du jour|o\.?d\.?j\.?|sommaire)\s*(?:(?:de la|du|de l') (?:seance|reunion|conseil|comite|bureau|assemblee)[a-z' ]{0,40})?\s*(?::\s*(.*))?$`)
	// reAgendaStop is a line that ends an agenda block: the header or the attendance resuming.
	reAgendaStop = mustRx(`^(?:l'an |presents?\b|presents? :|etaient presents|absents?\b|excuses?\b|secretaire|le conseil municipal|le conseil syndical|le conseil communautaire|le comite|seance du|conseil municipal du|conseil syndical du|proces[- ]verbal|compte[- ]rendu de la)`)
	// reDateNumber is a deliberation number made of the session's date and an ordinal.
	reDateNumber = mustRx(`^\d{4}\.\d{2}\.\d{2}\s*-`)
	// reThemeHeading is an unnumbered heading that opens with a theme in capitals and a dash:
	// "FINANCES – Budget principal – Compte de gestion 2015".
	reThemeHeading = mustRx(`^\p{Lu}{3,}(?:[ '’-]\p{Lu}{2,})*\s+[-–—:]\s+\S`)
	// reMoneyInTitle is a decimal amount: a numbered line carrying one is a table row or a list
	// item, not a heading.
	reMoneyInTitle = mustRx(`\d,\d{2}\b`)
	// reTOCLine is an entry of a table of contents ("… page 03", "…....... 12"): not a heading.
	reTOCLine = mustRx(`(?i)\bpages?\s+\d{1,3}\s*$|\.{4,}\s*\d{1,3}\s*$`)
	// reSuperscript is a line holding only the superscript an extraction lifted out of the line
	// below ("ème", "er").
	reSuperscript = mustRx(`^(?:e|er|ere|eme|emes|nd|nde|d|e\s*r)$`)
	// reWithdrawnTitle is a section title that says the point was withdrawn or adjourned.
	reWithdrawnTitle = mustRx(`\b(?:retiree?s?|ajournee?s?|reportee?s?)\s*$|^(?:affaire|point|question|dossier) (?:retire|ajourne|reporte)`)
	// reSubLetter is a lettered sub-point of an agenda entry: "a) l'assistance …".
	reSubLetter = mustRx(`^([a-h])\s*[).]\s+(\S.*)$`)
	// reAttendanceEnd is a header or attendance line: an unnumbered deliberation's title comes
	// after the last of them.
	reAttendanceEnd = mustRx(`^(?:secretaire|presents?\b|absents?\b|excuses?\b|non excuses?\b|pouvoirs?\b|procurations?\b|elus |nombre de|ont donne pouvoir|etaient? presents?|etai(?:en)?t absents?|date de (?:la )?convocation|rapporteur)`)
	// reAddedItem is the wording of an item added to the agenda during the meeting.
	reAddedItem = mustRx(`(?:ajout|rajout|inscri)\w* (?:a|de) l'ordre du jour|(?:ajout|rajout)\w* (?:un point|une question|une deliberation|(?:le|les) points? suivants?)`)
	// reBullet starts a list item.
	reBullet = mustRx(`^\s*(?:[-–—•·▪►➢✓→*Ø§]|\x{F0B7}|\x{F0D8}|\x{F0A7}|\x{F0FC}|\x{F0E0}|o\s)\s*`)
	// reNumberTab is a list number followed by a tab (word processors' numbered lists): the tab
	// is the list's indent, not a table column.
	reNumberTab = mustRx(`^(\s*\d{1,2}(?:\.\d{1,2})*)[.)]?\t+`)
	reMarkerTab = mustRx(`^(\s*(?:[IVX]{1,5}[.)]?|[A-H][.)]|[-–—•·▪►➢✓→*o]|\x{F0B7}|\x{F0D8}|\x{F0A7}|\x{F0FC}|\x{F0E0}))\t+`)
	// reDelibListTitle is the title of the list of deliberations published after a meeting;
	// reDelibListVoted says they were voted.
	reDelibListTitle = mustRx(`^(?:[#*\s]*)liste des (?:deliberations|decisions)\b`)
	reDelibListVoted = mustRx(`\b(?:votee?s|adoptee?s|approuvee?s|prises)\b`)
	// reSpaceNumbered is a list number followed by a space only, then a capitalised title.
	reSpaceNumbered = mustRx(`^(\d{1,3})\s+(\p{Lu}.*)$`)
	// reInlineAgendaNum splits an agenda written on one line ("1. X 2. Y 3. Z").
	reInlineAgendaNum = mustRx(`(?:^|\s)(\d{1,2})\s*[.)]\s+`)
)

// agendaMarkerWords are the words of reAgendaMarker, folded, that a line must hold to be read
// by it, each with the index of a byte of it rare in French lines ('j', 'm'), around which
// agendaMarkerMay looks for it.
// The abbreviation's dots are each optional in the pattern: all four spellings are here.
var agendaMarkerWords = []markerWord{{"ordre du jour", 9}, {"odj", 2}, {"o.dj", 3}, {"od.j", 3}, {"o.d.j", 4}, {"sommaire", 2}}

// markerWord is a word a line is looked for by, with the index of its rare byte.
type markerWord struct {
	word string
	rare int
}

// Kinds of section decided from the title: procedural points that are neither deliberations nor
// information (the roll call, the secretary of the session).
var reProceduralTitle = mustRx(`secretaire de seance|appel nominal|ouverture de (?:la )?seance|quorum|installation du conseil`)

// Decisions. A decision is read where one of these triggers appears in a section's own prose.
var (
	reUnanimous = mustRx(`unanimit|unanimement`)
	reMajority  = mustSpot(`a la majorite|majorite absolue|majorite des (?:voix|suffrages|membres)`)
	// reDissent names members who did not vote for: abstainers, members not taking part.
	reDissent = mustSpot(`s'abstien|ne prena?n?t? pas part au vote|ne prennent pas part au vote|ne participe(?:nt)? pas au vote|non[- ]participations? au vote`)
	// Outcomes, most specific first.
	reRejected = mustSpot(`\bn'(?:est|a) pas (?:ete )?(?:adopte|approuve|accepte|retenu)|\bnon (?:adopte|retenu|approuve)e?s?\b|\brejet(?:te|tee|tes|tees|te|tent)?\b|\brefus(?:e|ent|ee)\b|` +
		// "ne donnent pas suite", "émet un avis défavorable", "n'accepte pas".
		`\bne (?:donne|donnent) pas suite\b|\bde ne pas donner suite\b|\bemet(?:tent)? un avis defavorable\b|\bn'(?:accepte|approuve|adopte)(?:nt)? pas\b`)
	reDeferred = mustSpot(`\bajourn(?:e|ee|es|ees|ent|ement)\b|\bretire(?:e|es|ees)? de l'ordre du jour|\breporte(?:e|s|es)? (?:a|au|lors d'|lors de) (?:une|un|la|le) (?:prochaine?|ulterieure?|autre|seance|conseil)|\bsursis a statuer\b`)
	// reDeferredVerb is "est reporté(e)", "sont retirés": deferral when a decision's subject
	// (délibération, point, question…) comes shortly before it (see deferSubject).
	reDeferredVerb = mustSpot(`\b(?:(?:est|sont|sera|seront)\s+|(?:a|ont)\s+(?:donc\s+)?ete\s+)(?:donc\s+)?(?:reporte|ajourne|retire|differe)e?s?\b`)
	reDeferSubject = mustSpot(`\b(?:deliberation|point|question|dossier|vote|decision|projet|affaire|sujet|choix|examen)\b`)
	// reNoted is "prend acte", "prennent connaissance de ce dossier": the council takes note.
	// "Prend connaissance" is read in a sentence only (clauseVerbs): it often opens one that goes
	// on to deliberate.
	reNoted = mustSpot(`\bpr\w{0,3}n(?:d|nent|ent) acte\b|\bpris acte\b|\bdonne acte\b|\bprend connaissance du rapport\b`)
	// reElectedChair is the choice of who chairs or writes the minutes of the session: no vote
	// of a deliberation.
	reElectedChair = mustSpot(`\b(?:elue?s?|proclamee?s?) (?:pour |comme )?(?:president|presidente|secretaire)s? de (?:la )?seance`)
	// reElected is the result of an election: a proclamation ("a été proclamé Maire", "ONT ETE
	// PROCLAMES", "proclamés élus"), or a candidate's count then "Elue" ("Anne-Marie : 11
	// votes, - Elue"). "Sont élus au scrutin de liste" describes a procedure, and "ont été élus
	// :" introduces names whose vote comes after: neither is an outcome.
	reElected = mustSpot(`\b(?:a ete|ont ete|sont|est) proclamee?s?\b|\b\d{1,3}\s*(?:votes?|voix|suffrages?)\b.{0,20}\belue?s?\b`)
	// reVoteFavourable is "Vote favorable (à l'unanimité…)": an outcome written as a noun.
	reVoteFavourable = mustRx(`(?:^|[-•>:]\s*)votes? favorables?\b`)
	reAdopted        = mustSpot(`\b(?:adopt|approuv|accept)(?:e|ee|es|ees|ent)\b`)
	// reUpperVerb is an operative verb printed in capitals ("DECIDE", "ADOPTE", "APPROUVE"),
	// folded: one of upperVerbs.
	reUpperVerb = mustRx(`^(?:` + strings.Join(upperVerbs, "|") + `)$`)
	// reStrongVerb is an outcome verb that carries a decision alone, without a council subject:
	// "→ adopté", "Délibération adoptée", "ADOPTÉ À L'UNANIMITÉ", "Le Conseil adopte.".
	reStrongVerb = mustRx(`(?:^|[→>:]\s*|deliberation |proposition )(?:adopte|approuve|accepte|rejete|ajourne|reporte)e?s?\b|[a-z] (?:est|sont) (?:donc )?(?:adoptee?s?|approuvee?s?|acceptee?s?)\b`)
	// reCouncil is the subject of a decision.
	reCouncil = mustSpot(`\b(?:conseil|assemblee|membres|conseillers|elus|comite|bureau|l'ensemble des)\b|\bdecision\s*:`)
	// reVisa opens a visa or considérant: the legal grounds cited before a decision, never one.
	reVisa = mustRx(`^(?:[-•]\s*)?(?:vu |vus |considerant|attendu|apres avis|sur (?:le )?rapport|il est (?:propose|demande)|il vous est propose|je vous propose|propose(?:s)? (?:au|de)|proposition de)`)
	// Vote counts in every form: "Pour : 23", "23 pour", "Par 13 voix POUR", "Pour 9".
	// "Pour 8", "Pour : 23 Contre : 0"; not "lancée pour 2 unités" (a word after the number).
	reCountForL     = mustSpot(`\bpour\s*[:=]?\s*(\d{1,3})(?:$|[^\w]|\s*$|\s+(?:voix|votes?|contre|abst|bulletin|[^a-z]))`)
	reCountForN     = mustSpot(`\b(\d{1,3})\s*(?:voix\s+|votes?\s+)?(?:pour|favorables?)\b`)
	reCountAgainstL = mustSpot(`\bcontre\s*[:=]?\s*(\d{1,3})\b`)
	reCountAgainstN = mustSpot(`\b(\d{1,3})\s*(?:voix\s+|votes?\s+)?contre\b`)
	reCountAbstL    = mustSpot(`\babstentions?\s*[:=]?\s*(\d{1,3})\b`)
	reCountAbstN    = mustSpot(`\b(\d{1,3})\s*abstentions?\b`)
	// reCountWrapped is a count at the end of a line whose label ("Pour", "Contre") wrapped.
	reCountWrapped = mustSpot(`\b(\d{1,3})\s*(?:voix|votes)\s*$`)
	// reCountForLabel is a tally under "Résultat du vote :" whose label opens with "Pour":
	// "Pour le changement de prestataire : 13 votes".
	reCountForLabel = mustSpot(`^(?:[-•]\s*)?pour\b[^:]{0,80}:\s*(\d{1,3})\s*(?:votes?|voix)\b`)
	// reVotersTotal is "(31 voix)" after "unanimité des votants": all the votes cast were for.
	reVotersTotal = mustSpot(`unanimite des (?:votants|suffrages exprimes|voix exprimees)\s*\(?\s*(\d{1,3})\s*(?:voix|votants)`)
	// reVoteLine is a line that holds a vote count and little else: a vote block line.
	reVoteLine = mustRx(`^(?:[-•]\s*)?(?:vote\s*:?\s*)?(?:(?:pour|contre|abstentions?|nuls?|blancs?)\s*[:=]?\s*(?:\d{1,3}\b|$)|\d{1,3}\s*(?:voix\s+)?(?:pour|contre|abstentions?)\b)`)
	reVoteWord = mustSpot(`\b(?:votes?|voix|votants|contre|abstentions?|scrutin)\b`)
)

// upperVerbs are the operative verbs read in capitals (reUpperVerb), folded.
var upperVerbs = []string{"adopte", "adoptent", "approuve", "approuvent", "accepte", "acceptent", "decide", "decident",
	"valide", "valident", "autorise", "autorisent"}

// Stems that gate the vote patterns: a line holding none of them cannot state a vote, so the
// patterns (some with bounded repetition) run on few lines.
var (
	triggerStems = newStems("unanim", "majorit", "abst", "adopt", "approuv", "accept", "rejet", "refus", "retenu",
		"report", "ajourn", "retir", "differ", "acte", "connaissance", "part au", "particip", "sursis",
		"pas suite", "defavorable", "elu", "proclam", "vote favorable", "votes favorables")
	dissentStems = newStems("abstien", "part au vote", "particip")
	countStems   = newStems("pour", "contre", "abst", "vote", "voix", "nul", "blanc", "favorable")
	rejectStems  = newStems("n'est pas", "n'a pas", "non adopt", "non approuv", "non retenu", "rejet", "refus", "pas suite", "defavorable", "n'accept", "n'approuv", "n'adopt")
	deferStems   = newStems("ajourn", "retir", "report", "differ", "sursis")
	notedStems   = newStems("nd acte", "nent acte", "pris acte", "donne acte", "connaissance du rapport")
	electStems   = newStems("elu", "proclam")
	// proclaimStems holds the stem every match of reElected's proclamation holds; its other
	// branch, a count then "élu", holds a digit.
	proclaimStems = newStems("proclam")
	adoptStems    = newStems("adopt", "approuv", "accept")
	// strongStems gate reStrongVerb: each of its matches holds one of its verbs.
	strongStems = newStems("adopt", "approuv", "accept", "rejet", "ajourn", "report")
	// majorityStems and unanimousStems gate reMajority and reUnanimous.
	majorityStems  = newStems("majorit")
	unanimousStems = newStems("unanim")
)

// Decisions written as a sentence: the council as subject ("Le Conseil municipal", "Les membres
// du conseil", "l'assemblée", or "après en avoir délibéré,"), then an operative verb in the
// present tense. The subject must open its sentence or follow a comma ("Considérant que …, le
// Conseil municipal … décide"), so that "expose au Conseil Municipal qu'un arrêté fixe" is no
// decision.
var (
	// reClauseBlock is a word between the subject and the verb that makes the verb no decision:
	// an auxiliary or a modal ("le conseil a décidé en 2012", "le conseil est invité à", "le
	// conseil devra fixer").
	reClauseBlock = mustSpot(`\b(?:a|ont|avait|avaient|aura|auront|est|sont|sera|seront|etait|serait|doit|doivent|devra|devront|devrait|peut|peuvent|pourra|pourront|pourrait|souhaite|souhaitent|invite|appele)\s+(?:\w+\s+)?$|\b(?:doit|doivent|devra|devrait|peut|peuvent|pourra|pourrait|souhaite|souhaitent|envisage|invite|appele)\b`)
	// reClauseGoesOn is the rest of a sentence that takes note and then deliberates.
	reClauseGoesOn = mustSpot(`\b(?:delibere|decide(?:nt)?|vote(?:nt)?)\b`)
	// reClauseRejected is a refusal anywhere in the sentence after the subject: "décident que,
	// faute d'éléments, ils ne donnent pas suite à cette requête".
	reClauseRejected = mustSpot(`\bne (?:donne|donnent) pas suite\b|\bde ne pas donner suite\b|\brefuse(?:nt)?\b|\brejette(?:nt)?\b|\bemet(?:tent)? un avis defavorable\b|\bn'(?:accepte|approuve|adopte)(?:nt)? pas\b|\bs'oppose(?:nt)?\b`)
)

// clauseVerbs are the operative verbs of a decision sentence and the outcome each states. The
// first verb after the subject decides; a refusal anywhere in the sentence wins over it.
var clauseVerbs = []struct{ outcome, pattern string }{
	{Deferred, `ajourne(?:nt)?|sursoi(?:t|ent) a statuer|decide(?:nt)? (?:d'ajourner|de surseoir)|reporte(?:nt)? (?:(?:sa|son|leur|le|la|l'|ce|cette)\s*)?(?:decision|vote|examen|point|question|dossier|deliberation)|retire(?:nt)? (?:\S+ ){1,4}de l'ordre du jour`},
	{Noted, `pr(?:end|ennent) (?:acte|connaissance)|donne(?:nt)? acte`},
	{Adopted, `decide(?:nt)?|vote(?:nt)?|approuve(?:nt)?|autorise(?:nt)?|accepte(?:nt)?|adopte(?:nt)?|emet(?:tent)? un avis favorable|donne(?:nt)? (?:son|leur) (?:accord|aval)|valide(?:nt)?|fixe(?:nt)?|designe(?:nt)?|elit|elisent|accorde(?:nt)?|arrete(?:nt)?|se prononce(?:nt)? (?:favorablement|pour)|opte(?:nt)?|attribue(?:nt)?`},
}

// reClauseVerb is clauseVerbs as one pattern: one group per entry, in order.
var reClauseVerb = func() *spotRx {
	var b strings.Builder
	b.WriteString(`\b(?:`)
	for k, v := range clauseVerbs {
		if k > 0 {
			b.WriteByte('|')
		}
		b.WriteString("(" + v.pattern + ")")
	}
	b.WriteString(`)\b`)
	return mustSpot(b.String())
}()

// The subject of a decision sentence (see clauseSubjects): an article, optionally "membres
// du", then a council noun; or "après en avoir délibéré" standing for it. The subject opens its
// sentence or follows a punctuation mark, "délibéré" or "et".
const clauseAfterDeliberation = "apres en avoir delibere"

var (
	clauseNouns         = []string{"conseil", "assemblee", "comite", "bureau", clauseAfterDeliberation}
	clauseMembers       = []string{"membres du ", "membres presents du ", "membre du ", "membres de l'", "membres presents de l'"}
	clauseArticles      = []string{"le ", "la ", "les ", "l'", "l' "}
	clauseBoundaryWords = []string{"delibere", "et"}
)

// clauseStems gate the decision-sentence patterns: a paragraph naming none has no such sentence.
var clauseStems = newStems("conseil", "assemblee", "comite", "bureau", "delibere")

// Debate. A debate block opens with one of these lines; every paragraph in it is an exchange.
var reDebateMarker = mustRx(`^(?:[-•]\s*)?(?:temps d'echanges?|echanges?|debats?|discussions?|interventions?|questions?[- ]reponses?|observations?|remarques?)(?: (?:des|du|avec les) [a-z ]+)?\s*:?\s*$`)

// Speakers: a civility, then a name or a role. The civility forms are matched on the original
// line, case-insensitively.
var (
	reCivility = `(?:Monsieur|Madame|Mademoiselle|M\.|Mme\.?|Mlle\.?|Mr\.?|MM\.?|Messieurs|Mesdames)`
	// Roles that name the president of the meeting: "Monsieur le Maire", "Madame la Présidente".
	reRole = mustRx(`^(?i:(?:Monsieur|Madame|M\.|Mme)\s+)?(?i:l[ea]\s+|l')(?i:maire|pr[ée]sidente?|pr[ée]sident\s+de\s+s[ée]ance|d[ée]put[ée]-maire|maire-adjointe?)\b`)
	// reSpeakerCiv is a speaker opening a paragraph with a civility: "Monsieur Jean-Luc Chaumont",
	// "Mme Reynaud", "Monsieur MAHUET". Name words start with a capital letter or are particles.
	reSpeakerCiv = mustRx(`^(?i:` + reCivility + `)\s+((?:(?:\p{Lu}[\p{L}'’.-]*|d[eu]|de la|van|von|le|la|Mc)\s*){1,4})`)
	// reSpeakerBare is "Max LEVITA" or "Jean-Pierre GAUTHIER": a given name then a family name in
	// capitals, directly followed by a colon.
	reSpeakerBare = mustRx(`^(\p{Lu}[\p{Ll}'’-]+(?:[- ]\p{Lu}[\p{Ll}'’-]+)?\s+\p{Lu}{2,}[\p{Lu}' -]*?)\s*:`)
	// reSpeakerGiven is a given name alone, then a reporting verb: "Anthony précise…".
	reSpeakerGiven = mustRx(`^(\p{Lu}[\p{Ll}-]+(?:\s+\p{Lu}[\p{Ll}\p{Lu}-]+)?)\s+(\p{Ll}[\p{Ll}'’]+)`)
)

// Naming the body outside the title lines (header.go): "Conseil Municipal d'OUZOUS", and "la
// commune de X" only where it is no preposition's object.
var (
	reCouncilOfName = mustRx(`\bconseil municipal (?:de |d')`)
)

// communePreps are the prepositions (folded) that make a following "la commune de X" their
// object ("la convention avec la commune de X"), not the name of the body (afterPrep).
// Lower-case ASCII letters only: afterPrep compares whole runs of word bytes.
var communePreps = []string{"a", "au", "aux", "de", "du", "des", "avec", "par", "pour", "sur", "entre",
	"aupres", "vers", "contre", "chez", "dont", "sans"}

// reStatusRest is what follows a name and a colon in a list of members or signatures, not in a
// turn of debate: an attendance status or a seat ("Excusée", "membre de droit", "titulaire").
var reStatusRest = mustRx(`^(?:(?:membres?|president|presidente) de droit|excusee?s?|absente?s?|presente?s?|titulaires?|suppleante?s?|pouvoir(?: a .{0,60})?|procuration(?: a .{0,60})?|represente(?:e|s|es)? par .{0,60})\s*[.,;]?$`)

// civilityWords open a speaker mention: civilities and the article of a role ("Le Maire").
var civilityWords = map[string]bool{
	"monsieur": true, "madame": true, "mademoiselle": true, "m.": true, "mme": true, "mme.": true, "mlle": true,
	"mlle.": true, "mr": true, "mr.": true, "mm.": true, "mm": true, "messieurs": true, "mesdames": true,
	"le": true, "la": true,
}

// reVoteResult is what follows a candidate's name in a ballot result ("27 voix", "11 votes").
var reVoteResult = mustRx(`^\s*\d+\s*(?:voix|votes?|suffrages?)\b`)

// reLinkWord is a linking word that may precede a speaker at the start of a paragraph.
var reLinkWord = mustRx(`^(?i:ensuite|puis|enfin|alors|de plus|par ailleurs|en r[ée]ponse|en outre|d'autre part|pour sa part|quant [àa] lui|quant [àa] elle)\s*,?\s+`)

// reFunctionWord opens a speaker's function written after the name.
var reFunctionWord = mustRx(`^(?:(?:1er|premier|deuxieme|\d+e(?:me)?)\s+)?(?:adjoint|conseill|maire|president|vice|direct|rapporteur|secretaire|delegue|charge)`)

// reportingVerbs open reported speech after a speaker: "Monsieur X demande…". Only the first
// word after the name is checked.
var reportingVerbs = map[string]bool{
	"demande": true, "precise": true, "repond": true, "indique": true, "souligne": true, "ajoute": true,
	"note": true, "mentionne": true, "annonce": true, "exprime": true, "observe": true, "propose": true,
	"suggere": true, "estime": true, "rappelle": true, "explique": true, "s'interroge": true,
	"s'informe": true, "interroge": true, "souleve": true, "plaide": true, "est": true, "a": true,
	"insiste": true, "remarque": true, "signale": true, "declare": true, "affirme": true,
	"regrette": true, "souhaite": true, "pense": true, "considere": true, "constate": true,
	"informe": true, "revoit": true, "evoque": true, "confirme": true, "rejoint": true, "partage": true,
	"s'etonne": true, "craint": true, "releve": true, "intervient": true, "prend": true, "reprend": true,
	"approuve": true, "conclut": true, "complete": true, "expose": true, "presente": true,
	"fait": true, "invite": true, "se": true, "s'inquiete": true, "reconnait": true, "admet": true,
	"questionne": true, "sollicite": true, "renchérit": true, "encherit": true, "deplore": true,
	"salue": true, "remercie": true, "termine": true, "repete": true, "lit": true, "donne": true,
}

// reBareNumber is a line holding one number and nothing else (a unit at most): a table cell
// when the extraction laid a table out column by column.
var reBareNumber = mustRx(`^[-–+(]?\s*\d[\d \x{00A0}\x{202F}.,']*\)?\s*(?:€|euros?|eur|k€|%)?\s*(?:ht|ttc|h\.t\.)?\s*\*?$`)

// mayTOCLine reports whether s can match reTOCLine: both of its forms end in a page number
// (digits, then only \s spaces). Titles are matched against it one by one, and the unanchored
// pattern would otherwise be tried from every position of each.
func mayTOCLine(s string) bool {
	s = strings.TrimRight(s, " \t\n\f\r")
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}
