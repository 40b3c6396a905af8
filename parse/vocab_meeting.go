package parse

import "strings"

// The French vocabulary of the meeting header: attendance labels, count labels, meeting
// phrases. Every pattern runs on folded text (normalize.Fold: lower case, no accents, ’ → ').

// attendanceWords classify an attendance label ("Présent(e)s", "Absents excusés",
// "Excusés ayant donné procuration", "Assistaient en tant qu'invités") by the words it holds,
// in priority order: the first rule whose word the label holds gives the list its status.
// A label with a proxy word (pouvoir, procuration, représenté) makes a list of proxies.
var attendanceWords = []struct {
	word   string
	status string
}{
	{"non excuse", Absent},
	{"sans pouvoir", Absent},
	{"invite", Guest},
	{"assistai", Guest}, // "Assistaient également", "Assistait à la séance"
	{"excuse", Excused},
	{"absent", Absent},
	{"present", Present},
	{"represente", Excused},
}

// proxyWords mark a label as naming proxies: "Pouvoirs", "Procurations", "Absents représentés",
// "Excusés ont donné pouvoir".
var proxyWords = []string{"pouvoir", "procuration", "represente", "delegation de vote"}

// reLabelHead recognises the opening word of an attendance or count label.
var reLabelHead = mustRx(`^(?:etai(?:en)?t|presente?s?|absente?s?|excusee?s?|pouvoirs?|procurations?|invitee?s?|assistai(?:en)?t|membres?|elus?|conseillers?|conseilleres?|non|ont|a|representee?s?|nombre|en|suppleants?|se sont|personnes?|egalement)\b`)

// reGenderMarks are the inclusive endings "(e)", "(es)", "(s)", "(e)s" removed from labels.
var reGenderMarks = mustRx(`\((?:e|es|s|e\)s|ne)\)?`)

// countFields maps the words of a count label to the Counts field they state.
var countFields = []struct {
	re    *rx
	field string
}{
	{mustRx(`en exercice|en fonction|composant le conseil`), "in_office"},
	{mustRx(`suffrages? exprimes?|exprimes`), "votes_cast"},
	{mustRx(`votants|pris part (?:au|aux) votes?|prenant part au vote`), "voters"},
	{mustRx(`represente|pouvoirs?|procurations?|ont donne pouvoir`), "represented"},
	{mustRx(`presente?s?|en seance`), "present"},
	{mustRx(`absente?s?`), "absent"},
	{mustRx(`^[-•*]?\s*pour\b`), "for"},
	{mustRx(`^[-•*]?\s*contre\b`), "against"},
	{mustRx(`^[-•*]?\s*abstentions?\b`), "abstention"},
}

var (
	// reCountAfter is "LABEL : 14", "PRÉSENTS 21", "en exercice : 15-": label words, then
	// the number. Group 1 is the label, 2 the number. It runs at its label words (spots): the
	// plain search tried its large alternation at each byte of a long line.
	reCountAfter = mustSpot(`((?:nombre (?:de |d')?)?(?:(?:conseillers?|conseilleres?|membres?|elus?|delegues?)(?: municipaux| communautaires| titulaires)? ?)?(?:(?:etaient|sont) )?(?:en exercice|en fonction|presente?s?|en seance|representee?s?|pouvoirs?|procurations?|ont donne pouvoir|ayant donne pouvoir|votants|ayant pris part au vote|qui ont pris part au vote|suffrages exprimes|exprimes|absente?s?|pour|contre|abstentions?))\s*(?:\((?:e|s|es)\)s?)?\s*[:=]?\s*(\d{1,3})\b`)
	// reCountBefore is "Soit 31 présents", "2 procurations", "04 Absents": the number, then
	// the label. Group 1 is the number, 2 the label.
	reCountBefore = mustRx(`(?:^|[^\d/.,])(\d{1,3})\s+((?:(?:conseillers?|conseilleres?|membres?|elus?) (?:municipaux )?)?(?:(?:etaient|sont) )?(?:en exercice|presente?s?|representee?s?(?: ou presente?s?)?|pouvoirs?|procurations?|votants|absente?s?)(?: ou representee?s?)?)\b`)
	// reCountLabelOnly is a count label waiting for its number on a later line (a box that
	// the extraction scattered): "en exercice :", "Pouvoirs :", "Nombre de conseillers en séance :".
	reCountLabelOnly = mustRx(`^(?:nombre (?:de |d')?)?(?:(?:conseillers?|membres?|elus?) ?)?(en exercice|presents?|en seance|pouvoirs?|procurations?|votants|representes?|suffrages exprimes)\s*:?\s*$`)
	// reCountBoxHead is the first line of a label split over two lines: "Nombre de conseillers".
	reCountBoxHead = mustRx(`^nombre (?:de |d')(?:conseillers?|membres?|elus?)\s*$`)
	reNumberOnly   = mustRx(`^\s*(\d{1,3})\s*$`)
	reRuleLine     = mustRx(`^[\s_\-–—=*.~]*$`)
)

// Meeting phrases (folded).
var (
	reAssembly = mustSpot(`\b(conseil municipal|conseil syndical|conseil communautaire|conseil metropolitain|conseil d'administration|conseil departemental|conseil regional|comite syndical|bureau communautaire|bureau syndical|bureau municipal|assemblee generale)\b`)
	// reBodyLine is a title line naming the body: "VILLE D'EYBENS", "Commune de CHEMERE (44 680)".
	reBodyLine = mustRx(`^(?:(?:ville|commune|mairie|communaute(?: de communes| d'agglomeration| urbaine)?|metropole|departement|region|centre communal d'action sociale) (?:de |d'|du |des )|(?:syndicat|sivu|sivom|sictom|smictom|ccas|etablissement public)\b)`)
	// reBodyPhrase is "le conseil municipal de la commune d'Eybens", "Conseil Municipal de la
	// Ville de Montpellier", "siège du SYNDICAT MIXTE NUMÉRIAN".
	reBodyPhrase = mustSpot(`(?:conseil municipal|conseil syndical|conseil communautaire|comite syndical|conseil metropolitain) (?:de cette commune|de la (ville|commune) (?:de |d')|du (syndicat|sivu|sivom)|de la (communaute|metropole))`)
	reSeat       = mustSpot(`siege (?:du |de la |de l')`)
	// bodyPhraseWords open the phrases of reBodyPhrase and reSeat that name the body: a line
	// holding none of them (nor ending with bodyPhraseEndings) is not read for them.
	bodyPhraseWords = []string{"siege", "cette commune", "de la ville", "de la commune", "de la communaute",
		"de la metropole", "du syndicat", "du sivu", "du sivom"}
	reLaCommune = mustSpot(`\b(?:la|notre) commune (?:de |d')`)
	// reMeetingWords mark a line that dates the meeting itself.
	meetingWords = []string{"seance", "reuni", "conseil", "comite", "assemble", "session",
		"l'an ", "deliberation", "proces", "compte rendu", "compte-rendu", "bureau"}
	// preambleOpeners open the sentence that states when the council sat; its time may be
	// far from the title date.
	preambleOpeners = []string{"l'an ", "s'est reuni", "se sont reuni", "s'est assemble", "s'etant assemble", "s'etant reuni"}
	reNotMeeting    = mustSpot(`depart |arrivee|quitte|convo[cq]|affich|publi|transmis|prefecture|recu le|envoye`)
	reConvocation   = mustRx(`convo[cq]`)
	reEndOfMeeting  = mustRx(`seance (?:est |a ete )?(?:levee|close|cloturee|terminee)|leve la seance|clot la seance|cloture la seance|cloture de (?:la )?seance|fin de (?:la )?seance|seance se termine|levee de (?:la )?seance`)
	// reEndVerb is the closing verb when words separate it from "séance": "La séance du
	// conseil …, au cours de laquelle …, a été levée à 19h30", "… est close à 22 h".
	reEndVerb     = mustRx(endVerbExpr)
	reNextMeeting = mustRx(`prochaine? (?:conseil|seance|reunion|assemblee|comite|bureau)|(?:conseil|seance|reunion) suivante?`)
	rePrevMinutes = mustSpot(`compte[- ]rendu|proces[- ]verbal|\bpv\b`)
	reApproval    = mustRx(`approuv|approbation|adopt|accept|valid|sans observation`)
	reRejection   = mustRx(`n'est pas (?:adopte|approuve|valide)|n'a pas ete (?:adopte|approuve)|rejet|pas approuve`)
	// rePlaceVerb is the verb after which the place of the meeting is named.
	rePlaceVerb = mustSpot(`(?:reunie?s?|assemblee?s?|se tiendra|se tient|s'est tenue?|siegeant)\b`)
	// rePresident finds who presided: the name follows the match.
	rePresident = mustSpot(`(?:sous la )?presidence de |presidee? par |presidence\s*:\s*|president(?:e)? de (?:la )?seance\s*:\s*|par (?:le|la) president(?:e)?,? |^(?:le|la) president(?:e)?\s*:?\s*`)
	// reSecretaryLabel is "Secrétaire de séance : X", "Secrétaire : X", "A été élue secrétaire
	// de séance : X": the name follows the match.
	reSecretaryLabel = mustSpot(`secretaire(?: de (?:la )?seance)?(?: (?:elue?|designee?|nommee?)(?:\(e\))?)?\s*(?:[:\-–]|est)\s*`)
	// reSecretaryNamed is "nomination d'un secrétaire de séance, le conseiller le plus jeune,
	// à savoir X": the name follows the match, in the same sentence as "secrétaire".
	reSecretaryNamed = mustSpot(`secretaire[^.:;]{0,120}?\b(?:a savoir|en la personne de)\s+`)
	// reSecretaryDuties is "(élection d'un secrétaire …) Mme X, ayant obtenu la majorité des
	// suffrages, a été désignée pour remplir ces fonctions": the name comes before.
	reSecretaryDuties = mustRx(`\s*(?:,\s*ayant [^,]{0,80})?\s*,?\s+(?:est|a ete)\s+(?:designee?|elue?|nommee?)(?:\(e\))?\s+pour (?:remplir|assurer|exercer) (?:ces|les|cette) fonctions?\b`)
	// reSecretaryAfter is "X est désigné(e) secrétaire", "désigné X comme secrétaire".
	reSecretaryAfter = mustRx(`\s*,?\s*(?:est|a ete|ont ete|sont)\s+(?:designee?|elue?|nommee?)(?:\(e\))?\s+(?:comme |en tant que |pour |en qualite de )?(?:\w+ )?secretaire`)
)

// giveProxyHead is reGiveProxy up to its group, the phrase between the giver and the holder.
const giveProxyHead = `\s*,?\s+(?:(?:qui\s+)?(?:a\s+|ayant\s+|avait\s+)?(?:donne|donnant|confie|remis)\s+(?:son\s+|sa\s+|une\s+)?(?:pouvoirs?|procurations?|delegation)(?:\s+de vote)?\s+(?:a|au profit de)|(?:est\s+)?representee?s?\s+par)\s+`

// proxyPairAlt are the words that join the giver and the holder in an entry of a list of
// proxies (reProxyPair): plain words between bars, no other pattern syntax (proxyPairIndex
// reads them as written, in this order).
const proxyPairAlt = `a|par|au profit de`

// substituteHead is reSubstitute up to its group: "suppléant de", "remplaçante d'".
const substituteHead = `^\s*(?:suppleante?|remplacante?|remplace|representant|representante)\s+(?:de\s+|d')?`

// Proxies inside list entries (folded).
var (
	// reGiveProxy is "X donne pouvoir à Y", "X a donné procuration à Y", "X, représenté par Y":
	// the match starts where the giver's name ends; group 1 is the holder.
	reGiveProxy = mustRx(giveProxyHead + `(.+?)\s*\.?$`)
	// reProxyPair is an entry of a list of proxies: "X à Y", "M. X par M. Y".
	reProxyPair = mustRx(`^(.+?)\s+(?:` + proxyPairAlt + `)\s+(.+?)\s*\.?$`)
	// reInlineProxy is a parenthetical proxy: "(pouvoir donné à Y)", "(procuration à Mario)".
	reInlineProxy = mustRx(`^\s*(?:a donne |donne |ayant donne )?(?:pouvoirs?|procurations?)(?: donnee?)?\s+(?:a|au profit de)\s+(.+?)\s*\.?$`)
	// reSubstitute is a parenthetical substitute: "(suppléant de M. José ORENES LERMA)".
	reSubstitute = mustRx(substituteHead + `(.+?)\s*$`)
	// reGluedCiv is a civility glued to the name: "M.CHARRIER".
	reGluedCiv = mustRx(`^(?:M|Mme|Mr|MM|Mmes)\.\p{Lu}`)
)

// reInlineLabel is a list opened inside a sentence, with its count: "(07 Procurations : ML
// Castelli, …) et 04 Absents : JT Albertini, …". Group 1 is the number, 2 the label.
var reInlineLabel = mustRx(`(\d{1,3})\s+(?:(?:conseillers?|membres?|elus?)\s+(?:etaient\s+|sont\s+)?)?(procurations?|pouvoirs?|absente?s?|excusee?s?|presente?s?)\s*:\s*`)

// The words of reInlineLabel, spelt out for inlineLabelAny, which reads the pattern by hand
// (TestInlineLabelWords checks them against the pattern): inlineLabelWords are the labels
// (group 2), inlineLabelGroups the members counted before them ("conseillers", "élus"), and
// inlineLabelVerbs the verbs that may follow those ("étaient").
var (
	inlineLabelWords = []string{"procuration", "procurations", "pouvoir", "pouvoirs",
		"absent", "absente", "absents", "absentes", "excuse", "excusee", "excuses", "excusees",
		"present", "presente", "presents", "presentes"}
	inlineLabelGroups = []string{"conseiller", "conseillers", "membre", "membres", "elu", "elus"}
	inlineLabelVerbs  = []string{"etaient", "sont"}
)

// reProxyMark is a mark pairing a proxy's giver and holder across the lists: "(Pr*)",
// "(Pr**)", "(P1)", "(*)".
var reProxyMark = mustRx(`^\s*(?:pr|p|pouvoir|procuration)?\s*(\*+|\d{1,2})\s*$`)

var (
	// reLabelCount is a count inside a label: "Présents (12)".
	reLabelCount = mustRx(`\(\s*\d{1,3}\s*\)`)
	// reNextLabel is a second attendance label on the same line, after the end of a list:
	// "…, M. B. Absent : M. C". Group 1 is the label.
	reNextLabel = mustRx(`[.;]\s+((?i:absente?s?|absent\(e\)s|excus[ée]e?s?|excus[ée]\(e\)s|pouvoirs?|procurations?|pr[ée]sente?s?|invit[ée]e?s?|non excus[ée]e?s?)(?:\s+[^:.;]{0,40})?)\s*:\s*`)
	// reProxyOf is "procuration de M. X à M. Y", "pouvoir de X à Y" (folded).
	reProxyOf = mustRx(`^(?:procuration|pouvoir|delegation)s?\s+(?:de|d')\s*(.+?)\s+(?:a|au profit de)\s+(.+?)\s*\.?$`)
)

// rePresentOrRepresented is "25 Conseillers étaient Présents ou Représentés": a total of both,
// which no count field holds but the checks use.
var rePresentOrRepresented = mustRx(`(\d{1,3})\s+(?:conseillers?|membres?|elus?)?\s*(?:etaient|sont)?\s*presente?s? ou representee?s?`)

// rePresidesAfter is "M. Jean DUPONT, Maire, préside la séance": the name comes before.
var rePresidesAfter = mustRx(`\s*,?\s*(?:(?:maire|president(?:e)?|vice-president(?:e)?|doyen(?:ne)? d'age)\s*,\s*)?(?:preside|presidait|a preside|assure la presidence)\b`)

// reStaffTitle is a staff function written as a list entry of its own, after the person's
// name ("M. GALLEN, Directeur Général des Services", "Mme X, chef de cabinet", "Secrétaire de
// mairie"): a function, not a person (folded).
var reStaffTitle = mustRx(`^(?:directeur|directrice|dgs|dga|dgas|dst|responsable|chef|cheffe|secretaire (?:de mairie|generale?)|attachee?|redacteur|redactrice|technicien(?:ne)?)\b`)

// giveProxyOpeners are the words a phrase of giveProxyHead can open with, after its lead of
// white space and a comma (`\s*,?\s+`); in the pattern each is followed by white space.
// giveProxyIndex tries the pattern only where one of them stands; TestGiveProxyOpeners checks
// this list against giveProxyHead, so a word added to the pattern must be added here.
var giveProxyOpeners = []string{
	"qui", "a", "ayant", "avait", "donne", "donnant", "confie", "remis",
	"est", "represente", "representee", "representes", "representees",
}

// The parts of reEndVerb, "est levée à", "a été close vers": the auxiliaries, the participles
// and the words before the time. endVerbIndex reads them as written, in this order; no word of
// a list is a prefix of another (TestEndVerbWords), so at most one reads at a place.
var (
	endVerbAux   = []string{"est", "a ete", "fut"}
	endVerbForms = []string{"levee", "close", "cloturee", "terminee"}
	endVerbAt    = []string{"a", "vers"}
	// endVerbExpr is reEndVerb's source, built from its parts.
	endVerbExpr = `\b(?:` + strings.Join(endVerbAux, "|") + `)\s+(?:` + strings.Join(endVerbForms, "|") +
		`)\s+(?:` + strings.Join(endVerbAt, "|") + `)\s`
)
