package normalize

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name is a person's name as read from one mention: "M. Jean-Luc CHAUMONT",
// "M.CHARRIER Jean-Paul" (family first), "Marc Baïetto", "Monsieur Reboulet", "Anthony".
// Empty fields are unknown.
type Name struct {
	Civility string // "M." or "Mme", or ""
	Given    string
	Family   string
	Raw      string // the mention as written
}

// Key is the linking key of a name: lower case, accents removed, hyphens kept, given then family.
func (n Name) Key() string { return Key(n.Given, n.Family) }

// Key builds a person key from a given and a family name.
func Key(given, family string) string {
	k, _, _ := foldKey(given, family)
	return k
}

// foldKey returns Key(given, family) and the folded given and family names, foldName(given) and
// foldName(family), which the key holds: the names are read once, the key built without
// joining them first, and the two parts are slices of the key. It is the fold of given + " " +
// family, written without that string: foldName squeezes white space and drops it at both
// ends, so the key is the folded given name, one space and the folded family name.
func foldKey(given, family string) (key, fg, ff string) {
	var stack [64]byte
	buf := stack[:0]
	if n := len(given) + 1 + len(family); n > len(stack) {
		buf = make([]byte, 0, n)
	}
	buf, _, ok := appendFoldName(buf, given, false)
	gl := len(buf)
	if ok {
		buf, _, ok = appendFoldName(buf, family, len(buf) > 0) // the space between the two names
	}
	if !ok {
		// foldName's own way out, for the whole of each string.
		return Fold(strings.TrimSpace(given + " " + family)), foldName(given), foldName(family)
	}
	key = string(buf)
	switch {
	case gl == len(key):
		return key, key, ""
	case gl == 0:
		return key, "", key
	}
	return key, key[:gl], key[gl+1:]
}

// Civility is a civility word: the canonical form ("M." or "Mme") and whether it is a plural
// that heads a group of names ("MM. LEBRUN, LE ROUX", "Messieurs Yves LELONG, Claude BUSSY").
type Civility struct {
	Canon  string
	Plural bool
}

// civilities maps the folded civility words (trailing dot removed) to their canonical form.
var civilities = map[string]Civility{
	"m": {"M.", false}, "mr": {"M.", false}, "monsieur": {"M.", false}, "mon": {"M.", false},
	"mm": {"M.", true}, "messieurs": {"M.", true}, "mrs": {"M.", true},
	"mme": {"Mme", false}, "madame": {"Mme", false}, "mlle": {"Mme", false}, "melle": {"Mme", false},
	"mademoiselle": {"Mme", false}, "mmes": {"Mme", true}, "mesdames": {"Mme", true},
	"mlles": {"Mme", true}, "mesdemoiselles": {"Mme", true},
}

// civilityKeys holds the words of civilities by their length, each with its civility:
// CivilityOf reads the first word of every list entry and line, and comparing it with the
// few words of its length costs less than hashing it for the map.
var civilityKeys = func() (t [17][]civilityKey) {
	for w, c := range civilities {
		if len(w) >= len(t) {
			panic("normalize: a civility word is longer than CivilityOf reads")
		}
		t[len(w)] = append(t[len(w)], civilityKey{w, c})
	}
	return t
}()

// civilityLeads marks the ASCII bytes a civility word may open with as written: those that fold
// to the first byte of a word of civilities, and white space, which the fold of a word beyond
// ASCII drops at its start. An ASCII byte folds to itself lower-cased ('`' to an apostrophe)
// wherever it stands, so a word opening with another cannot fold to a civility.
var civilityLeads = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		f := strings.ToLower(string(rune(c)))
		if c == '`' {
			f = "'"
		}
		for w := range civilities {
			if w[0] == f[0] {
				t[c] = true
			}
		}
		if asciiSpaceByte[c] {
			t[c] = true
		}
	}
	return t
}()

// civilityKey is one word of civilities and its civility.
type civilityKey struct {
	word string
	civ  Civility
}

// civilityOfKey is civilities[string(w)], read from civilityKeys.
func civilityOfKey(w []byte) (Civility, bool) {
	if len(w) >= len(civilityKeys) {
		return Civility{}, false
	}
	for _, k := range civilityKeys[len(w)] {
		// The words open alike ("m"): the last byte tells most apart without a call.
		if w[len(w)-1] == k.word[len(w)-1] && string(w) == k.word {
			return k.civ, true
		}
	}
	return Civility{}, false
}

// CivilityOf reads a civility word ("M.", "Mme", "Madame", "MM.", "Messieurs"…).
func CivilityOf(word string) (Civility, bool) {
	if len(word) > 16 || word == "" {
		return Civility{}, false
	}
	// Most words are names: their first byte tells they are none (see civilityLeads).
	if c := word[0]; c < utf8.RuneSelf && !civilityLeads[c] {
		return Civility{}, false
	}
	var buf [16]byte
	var c Civility
	var ok bool
	if lw, ascii := lowerASCII(buf[:0], word); ascii {
		// The same look-up on a lower-case copy kept on the stack: CivilityOf reads the first
		// word of every list entry and line.
		if n := len(lw); n > 0 && lw[n-1] == '.' {
			lw = lw[:n-1]
		}
		if string(lw) == "mon" && !strings.HasSuffix(word, ".") {
			return Civility{}, false // only "Mon." abbreviations, never the possessive
		}
		return civilityOfKey(lw)
	}
	w := strings.TrimSuffix(foldNameWord(word), ".")
	if w == "mon" { // only "Mon." abbreviations, never the possessive
		if !strings.HasSuffix(word, ".") {
			return Civility{}, false
		}
	}
	c, ok = civilities[w]
	return c, ok
}

// lowerASCII appends strings.ToLower(w) to buf when w is ASCII and fits buf's capacity (ok
// false otherwise): foldNameWord's result for an ASCII word, without allocating it.
func lowerASCII(buf []byte, w string) ([]byte, bool) {
	if len(w) > cap(buf)-len(buf) {
		return buf, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return buf, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, true
}

// foldedIn reports whether m holds Fold(t) for a word t of letters, hyphens, apostrophes and
// dots: for an ASCII word Fold is lower case, looked up on a stack copy.
func foldedIn(m map[string]bool, t string) bool {
	var buf [32]byte
	if lw, ok := lowerASCII(buf[:0], t); ok && !strings.ContainsAny(t, "` \t\n\v\f\r") {
		return m[string(lw)] // no byte that Fold maps otherwise than to lower case
	}
	return m[Fold(t)]
}

// stopWordOf is stopWords[strings.Trim(foldNameWord(w), ".,")], without allocating the folded
// word when w is ASCII, and for most words of names without hashing it: no stop word has the
// word's first letter and length (stopLens).
func stopWordOf(w string) uint8 {
	var buf [32]byte
	if lw, ok := lowerASCII(buf[:0], w); ok {
		for len(lw) > 0 && (lw[0] == '.' || lw[0] == ',') {
			lw = lw[1:]
		}
		for len(lw) > 0 && (lw[len(lw)-1] == '.' || lw[len(lw)-1] == ',') {
			lw = lw[:len(lw)-1]
		}
		if len(lw) == 0 || stopLens[lw[0]]&(1<<len(lw)) == 0 {
			return 0 // lw is at most 32 bytes long, and no stop word is empty
		}
		return stopWords[string(lw)]
	}
	return stopWords[strings.Trim(foldNameWord(w), ".,")]
}

// stopLens holds, for each first byte of the words of stopWords, a bit for the length of each
// (1<<len): stopWordOf reads a word of a name (the ASCII words of at most 32 bytes it lowers)
// in the map only when a stop word opens with its first letter and has its length.
var stopLens = func() (t [256]uint64) {
	for w := range stopWords {
		if w == "" || len(w) > 63 {
			panic("normalize: a stop word must hold 1 to 63 bytes")
		}
		t[w[0]] |= 1 << len(w)
	}
	return t
}()

// latinFold holds Fold's result for each rune of the Latin-1 Supplement and Latin Extended-A
// blocks, the letters of French names, so that names fold without a full Unicode
// decomposition. Built from Fold itself, so both agree.
var latinFold = func() [0x250]string {
	var t [0x250]string
	for r := rune(0x80); r < 0x250; r++ {
		t[r] = Fold(string(r))
	}
	return t
}()

// foldName is Fold for the short texts of names: the same result, faster on Latin letters.
func foldName(s string) string {
	var stack [64]byte
	buf := stack[:0]
	if len(s) > len(stack) {
		buf = make([]byte, 0, len(s))
	}
	buf, _, ok := appendFoldName(buf, s, false)
	if !ok {
		return Fold(s)
	}
	return string(buf)
}

// appendFoldName appends the fold of s to dst, white space squeezed and dropped at the start of
// dst; space says a space is pending from before s, and the result whether one is pending after
// it. ok is false at the first rune beyond Latin Extended-B, for which the caller falls back on
// Fold. The names are built on the stack and copied once into their string, rather than written
// byte by byte to a strings.Builder, which checks itself at each byte (foldNameIntoRef).
func appendFoldName(dst []byte, s string, space bool) (out []byte, pending, ok bool) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // most letters of names: read by foldASCII
			i++
			f := foldASCII[c]
			if f == foldSpace {
				space = len(dst) > 0
				continue
			}
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, f)
			// The letters up to the next space or rune beyond ASCII, without the tests above.
			for i < len(s) && s[i] < utf8.RuneSelf && foldASCII[s[i]] != foldSpace {
				dst = append(dst, foldASCII[s[i]])
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < 0x250 && unicode.IsSpace(r) {
			space = len(dst) > 0
			continue
		}
		var f string
		switch {
		case r == '’' || r == '‘' || r == 'ʼ':
			f = "'"
		case r < 0x250:
			f = latinFold[r]
			if f == "" {
				continue // a combining mark or a space-like rune Fold drops
			}
		default:
			return dst, space, false
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, f...)
	}
	return dst, space, true
}

// foldNameWord folds one word: lower case for ASCII words (most civilities and particles), Fold
// for the others.
func foldNameWord(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return foldName(w)
		}
	}
	return strings.ToLower(w)
}

// particles are the lower-case (or capitalised) words that belong to a family name written
// before it: "de la Tour", "Le Roux", "Mc CARRON".
var particles = map[string]bool{
	"de": true, "du": true, "des": true, "la": true, "le": true, "d'": true, "van": true,
	"von": true, "der": true, "den": true, "di": true, "da": true, "del": true, "della": true,
	"dos": true, "mc": true, "mac": true, "ben": true, "el": true, "al": true, "ter": true,
}

// maxParticleLen is the length of the longest of particles.
var maxParticleLen = func() int {
	n := 0
	for p := range particles {
		n = max(n, len(p))
	}
	return n
}()

// isASCIIText reports whether s holds only ASCII bytes.
func isASCIIText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// notNameWords are words that a person's name does not hold but that lists and headings put
// beside names: roles ("Député-Maire", "adjoints") and heading words ("ORDRE DU JOUR").
var notNameWords = map[string]bool{
	"maire": true, "depute-maire": true, "senateur-maire": true, "adjoint": true, "adjoints": true,
	"adjointe": true, "adjointes": true, "conseiller": true, "conseillers": true, "conseillere": true,
	"conseilleres": true, "municipal": true, "municipaux": true, "municipale": true,
	"president": true, "presidente": true, "vice-president": true, "vice-presidente": true,
	"secretaire": true, "delegue": true, "deleguee": true, "delegues": true,
	"ordre": true, "jour": true, "seance": true, "conseil": true, "compte": true, "rendu": true,
	"proces-verbal": true, "proces": true, "verbal": true, "deliberation": true, "deliberations": true,
	"objet": true, "point": true, "points": true, "vote": true, "votes": true, "budget": true,
	"session": true, "date": true, "nombre": true, "presents": true, "absents": true,
	"excuses": true, "pouvoirs": true, "pouvoir": true, "procuration": true, "procurations": true,
	"convocation": true, "rapporteur": true, "expose": true, "questions": true, "diverses": true,
	"sommaire": true, "syndical": true, "communautaire": true, "commune": true, "ville": true,
	"pour": true, "contre": true, "abstention": true, "abstentions": true, "unanimite": true,
	"total": true, "page": true, "mairie": true, "elus": true, "membres": true, "invites": true,
}

// jobTitleWords open the function of a staff member written after the name ("M. DIVERRES
// Directeur des Services Techniques", "Mme X DGS"): the name ends before them, and a mention
// that opens with one ("Directeur Général des Services") is a function, not a person.
var jobTitleWords = map[string]bool{
	"directeur": true, "directrice": true, "dgs": true, "dga": true, "dgas": true, "dst": true,
	"responsable": true, "secretariat": true, "cabinet": true, "services": true,
}

// stopWords holds, for each word of jobTitleWords or notNameWords, the tables it is in, so
// that PersonName looks each word up once.
var stopWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range jobTitleWords {
		m[w] |= stopJob
	}
	for w := range notNameWords {
		m[w] |= stopNotName
	}
	return m
}()

const (
	stopJob     = 1 << iota // in jobTitleWords
	stopNotName             // in notNameWords
)

var (
	// "M.CHARRIER" → "M. CHARRIER"; "J.F.PINONCELY" → "J.F. PINONCELY".
	reGluedDot = regexp.MustCompile(`^((?:\p{L}\.)+)(\p{Lu}[\p{L}'’-]+)`)
	// "Jean- Claude" (a line break inside a compound name) → "Jean-Claude".
	reHyphenSpace = regexp.MustCompile(`(\p{L})- +(\p{L})`)
	// An initial: "A.", "J.F.", "J.-P.", "Ph.", "Ch.".
	reInitial = regexp.MustCompile(`^(?:\p{Lu}\p{Ll}?\.-?)+$`)
	reParens  = regexp.MustCompile(`\([^)]*\)?`)
)

// gluedDot is reGluedDot.FindStringSubmatch(t), skipped for the words without a dot (nearly all
// of them), which it cannot match.
func gluedDot(t string) []string {
	if strings.IndexByte(t, '.') < 0 {
		return nil
	}
	return reGluedDot.FindStringSubmatch(t)
}

// nameTrimSet are the runes PersonName trims off a mention: white space, punctuation, dashes,
// bullets and quotes.
const nameTrimSet = " \t,;:·•*-–—_\"«»"

// nameTrim is nameTrimSet read byte by byte.
var nameTrim = NewTrimSet(nameTrimSet)

// PersonName reads one mention of a person. ok is false when raw is not a name: empty, a
// civility alone, or words that no name holds (digits, lower-case words other than particles).
func PersonName(raw string) (n Name, ok bool) {
	n.Raw = strings.TrimSpace(raw)
	s := n.Raw
	if strings.IndexByte(s, '(') >= 0 {
		s = reParens.ReplaceAllString(s, " ")
	}
	s = nameTrim.Trim(s)
	if strings.Contains(s, "- ") {
		s = reHyphenSpace.ReplaceAllString(s, "$1-$2")
	}
	// The words, on the stack for a name of up to 8 of them (strings.Fields would allocate).
	var fieldsBuf [8]string
	f := appendFields(fieldsBuf[:0], s)
	if len(f) == 0 {
		return n, false
	}
	// A civility, possibly glued to the name ("M.CHARRIER").
	if c, ok := CivilityOf(f[0]); ok {
		n.Civility, f = c.Canon, f[1:]
	} else if m := gluedDot(f[0]); m != nil {
		if c, ok := CivilityOf(m[1]); ok {
			n.Civility = c.Canon
			f[0] = m[2]
		}
	}
	// Glued initials ("J.F.PINONCELY") become two tokens. Most names have none: the words
	// are then the tokens, and no copy is made.
	toks := f
	for k, t := range f {
		if m := gluedDot(t); m != nil && len(m[0]) == len(t) {
			toks = append(make([]string, 0, len(f)+4), f[:k]...)
			for _, t := range f[k:] {
				if m := gluedDot(t); m != nil && len(m[0]) == len(t) {
					toks = append(toks, m[1], m[2])
					continue
				}
				toks = append(toks, t)
			}
			break
		}
	}
	// Trailing punctuation of the last word, except the dot of an initial.
	if k := len(toks) - 1; k >= 0 {
		t := toks[k]
		for len(t) > 0 && (t[len(t)-1] == ',' || t[len(t)-1] == ';' || t[len(t)-1] == ':') {
			t = t[:len(t)-1] // strings.TrimRight(t, ",;:")
		}
		if strings.HasSuffix(t, ".") && !reInitial.MatchString(t) {
			t = strings.TrimRight(t, ".")
		}
		toks[k] = t
		if t == "" {
			toks = toks[:k]
		}
	}
	// A job title ends the name; a word no name holds before it refuses the mention. Each
	// word is looked up once, in both tables.
	notName := false
	for i, t := range toks {
		k := stopWordOf(t)
		if k&stopJob != 0 {
			toks = toks[:i]
			break
		}
		if k&stopNotName != 0 {
			notName = true
		}
	}
	if notName || len(toks) == 0 || len(toks) > 6 {
		return n, false
	}
	var kindsBuf [6]tokKind
	kinds := kindsBuf[:len(toks)]
	caps := 0
	for i, t := range toks {
		kinds[i] = kindOf(t, i, toks)
		switch kinds[i] {
		case tokBad:
			return n, false
		case tokCaps:
			caps++
		}
	}
	if caps > 0 {
		// The all-caps words are the family name, wherever they stand; particles directly
		// before them join it ("Mc CARRON", "de LA TOUR").
		first := -1
		for i, k := range kinds {
			if k == tokCaps {
				first = i
				break
			}
		}
		for first > 0 && kinds[first-1] == tokParticle {
			first--
		}
		var givenBuf, familyBuf [6]string
		given, family := givenBuf[:0], familyBuf[:0]
		for i, t := range toks {
			if i >= first && (kinds[i] == tokCaps || (kinds[i] == tokParticle && i < len(toks)-1)) {
				family = append(family, t)
			} else {
				given = append(given, t)
			}
		}
		n.Given, n.Family = strings.Join(given, " "), strings.Join(family, " ")
		return n, true
	}
	if len(toks) == 1 {
		if kinds[0] == tokInitial {
			return n, false
		}
		if n.Civility != "" {
			n.Family = toks[0]
		} else {
			n.Given = toks[0]
		}
		return n, true
	}
	// Mixed case, given first: the given name is the leading word (or the initials), the rest
	// is the family name ("Marc Baïetto", "Henri de la Tour", "J. Orsatelli").
	k := 1
	for k < len(toks)-1 && kinds[k] == tokInitial {
		k++
	}
	n.Given, n.Family = strings.Join(toks[:k], " "), strings.Join(toks[k:], " ")
	return n, true
}

// appendFields appends to dst the words of s as strings.Fields splits them: runs of
// characters that are not white space (unicode.IsSpace).
func appendFields(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		// An ASCII byte is white space by its table entry, without decoding a rune or calling
		// unicode.IsSpace: names are nearly all ASCII.
		c := s[i]
		var space bool
		n := 1
		if c < utf8.RuneSelf {
			space = asciiSpaceByte[c]
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// asciiSpaceByte marks the ASCII runes unicode.IsSpace reports.
var asciiSpaceByte = func() (t [utf8.RuneSelf]bool) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		t[r] = unicode.IsSpace(r)
	}
	return t
}()

type tokKind int

const (
	tokWord     tokKind = iota // a capitalised word: "Jean-Luc", "Baïetto"
	tokCaps                    // an all-caps word: "CHAUMONT", "LE", "BARAC'H"
	tokInitial                 // "J.", "J.-P.", "ML"
	tokParticle                // "de", "la", "Mc"
	tokBad                     // not part of a name
)

func kindOf(t string, i int, toks []string) tokKind {
	// Only whether a word holds capitals and lower-case letters matters, not how many: seen
	// gathers the class bits of its letters.
	letters, seen := 0, uint8(0)
	for j := 0; j < len(t); {
		// An ASCII byte is classed by its table entry, without decoding a rune or asking the
		// unicode tables: names are nearly all ASCII.
		if c := t[j]; c < utf8.RuneSelf {
			k := asciiNameClass[c]
			if k&nameBad != 0 {
				return tokBad
			}
			letters += int(k & nameLetter)
			seen |= k
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[j:])
		j += n
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				seen |= nameUpper
			} else if unicode.IsLower(r) {
				seen |= nameLower
			}
		case r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return tokBad
		}
	}
	upper, lower := seen&nameUpper != 0, seen&nameLower != 0
	if letters == 0 {
		return tokBad
	}
	// An initial holds a dot ("A.", "J.-P."): the pattern is tried on those words only.
	if strings.IndexByte(t, '.') >= 0 && reInitial.MatchString(t) {
		return tokInitial
	}
	// An ASCII word folds to its own length: one longer than every particle is none.
	if lower && i < len(toks)-1 && !(len(t) > maxParticleLen && isASCIIText(t)) && foldedIn(particles, t) {
		return tokParticle // "de", "la", "Mc", "Le" before the rest of the family name
	}
	if !lower && upper {
		// Two capitals before a capitalised word are initials ("JF Orsatelli", "ML Castelli").
		if letters <= 2 && i == 0 && len(toks) > 1 && !kindOfCapsOnly(toks[1]) {
			return tokInitial
		}
		if letters == 1 {
			return tokInitial
		}
		return tokCaps
	}
	if !upper {
		return tokBad // a lower-case word: "adjoints", "donne"
	}
	return tokWord
}

// The class bits of an ASCII byte in kindOf: a letter, in capitals or in lower case, or a byte
// no word of a name holds. A mark a name holds (asciiNameMark) has none. kindOf adds the bits
// to its counts without a branch.
const (
	nameLetter uint8 = 1 << iota
	nameUpper
	nameLower
	nameBad
)

// asciiNameMark are the ASCII marks kindOf lets a word of a name hold ("Jean-Luc", "O'Neil",
// "J."); the curly apostrophe is beyond ASCII.
const asciiNameMark = "-'."

// asciiNameClass is kindOf's class of each ASCII byte, built from the unicode tables kindOf
// asks for the other runes.
var asciiNameClass = func() (t [utf8.RuneSelf]uint8) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		switch {
		case unicode.IsLetter(r):
			t[r] = nameLetter
			if unicode.IsUpper(r) {
				t[r] |= nameUpper
			} else if unicode.IsLower(r) {
				t[r] |= nameLower
			}
		case !strings.ContainsRune(asciiNameMark, r):
			t[r] = nameBad
		}
	}
	return t
}()

// kindOfCapsOnly reports whether t is written in capitals only.
func kindOfCapsOnly(t string) bool {
	has := false
	for _, r := range t {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			has = true
		}
	}
	return has
}

// Person is one identity of a meeting, with the most complete name seen.
type Person struct {
	ID string
	Name
	// Page and Line locate the first mention (0 when unknown).
	Page, Line int
	// folded given and family names, kept in step with Name by People.
	fg, ff string
	// key is Key(kg, kf): the key of the names as last indexed, kept with them so that a change
	// made to the names since is seen.
	key, kg, kf string
	// at is the person's place in People.List, by which byWord names a lone person.
	at int32
}

// Place is the person's index in the List of the People that added them: a caller keeps a
// fact about each person in a slice rather than in a map keyed by ID.
func (q *Person) Place() int { return int(q.at) }

// Key is the linking key of the person's name (Name.Key), remembered from the last time People
// indexed the person: readers compare keys of every list entry.
func (q *Person) Key() string {
	if q.kg == q.Given && q.kf == q.Family && (q.key != "" || q.Given == "" && q.Family == "") {
		return q.key
	}
	return q.Name.Key()
}

// Folded returns Fold(q.Given) and Fold(q.Family), remembered from the last time People
// indexed the person (as Key): a speaker is compared with the folded names of everyone listed.
func (q *Person) Folded() (given, family string) {
	if q.kg == q.Given && q.kf == q.Family && (q.key != "" || q.Given == "" && q.Family == "") {
		return q.fg, q.ff
	}
	return foldName(q.Given), foldName(q.Family)
}

// People links the mentions of one document to identities. Listed people (attendance, proxies)
// are added; later partial mentions ("Monsieur Chaumont", "Anthony") resolve to the one listed
// person they can only mean. Roles ("le Maire", "la Présidente") are registered for the people
// who hold them, so that a debate speaker named by role links to them too.
type People struct {
	List []*Person
	// byKey names, by each key, the place in List of the first person indexed under it.
	byKey nameIndex
	roles map[string]*Person
	// byWord indexes people by folded family name and by folded given name, so that a
	// mention is compared with the few people it can name, not with everyone. A word names a
	// lone person by their place in List (>= 0), or several by ^place of their list in shared:
	// a small value keeps the index's cells small, and most words name one person.
	byWord nameIndex
	shared [][]*Person
	// last remembers the folds of the last name read: a list reader asks Resolve, KeyOf and
	// Add about one name in a row.
	last struct{ given, family, key, fg, ff string }
	// cells holds the people of List in chunks of 8 that are never moved (a pointer into one
	// stays good), rather than one allocation a person. chunks are all the chunks made, kept
	// through Reset; the next document fills them again from chunks[0] (next is the first
	// not in use).
	cells  []Person
	chunks [][]Person
	next   int
}

// Reset empties p for another document and keeps the room its people and indexes took, so that
// a reader of many documents reuses one People rather than growing one for each (the collector's
// work grows with the bytes allocated). The people of the last document are overwritten: a caller
// keeps none of them, nor a pointer into them, past Reset.
func (p *People) Reset() {
	clear(p.List)
	p.List = p.List[:0]
	p.byKey.reset()
	p.byWord.reset()
	clear(p.roles)
	clear(p.shared)
	p.shared = p.shared[:0]
	p.last = struct{ given, family, key, fg, ff string }{}
	p.cells, p.next = nil, 0
}

// newPerson adds a person with names n to List.
func (p *People) newPerson(n Name) *Person {
	if len(p.cells) == cap(p.cells) {
		if p.next == len(p.chunks) {
			p.chunks = append(p.chunks, make([]Person, 0, 8))
		}
		p.cells = p.chunks[p.next][:0]
		p.next++
	}
	p.cells = append(p.cells, Person{ID: personID(len(p.List) + 1), Name: n, at: int32(len(p.List))})
	np := &p.cells[len(p.cells)-1]
	p.List = append(p.List, np)
	return np
}

// named returns the people word w (folded) was indexed under, in the order indexed.
func (p *People) named(w string) []*Person {
	v, ok := p.byWord.get(w)
	switch {
	case !ok:
		return nil
	case v >= 0:
		return p.List[v : v+1 : v+1]
	}
	return p.shared[^v]
}

// foldKey is foldKey(given, family), remembered for the last name asked.
func (p *People) foldKey(given, family string) (key, fg, ff string) {
	if l := &p.last; l.key != "" && l.given == given && l.family == family {
		return l.key, l.fg, l.ff
	}
	key, fg, ff = foldKey(given, family)
	p.last.given, p.last.family, p.last.key, p.last.fg, p.last.ff = given, family, key, fg, ff
	return key, fg, ff
}

// KeyOf is n.Key(), through the registry's memory of the last name read.
func (p *People) KeyOf(n Name) string {
	k, _, _ := p.foldKey(n.Given, n.Family)
	return k
}

// FoldsOf returns Fold(n.Given) and Fold(n.Family), through the registry's memory of the last
// name read (a caller that has just asked Resolve(n) pays no fold).
func (p *People) FoldsOf(n Name) (given, family string) {
	_, fg, ff := p.foldKey(n.Given, n.Family)
	return fg, ff
}

// Reserve sizes the registry's indexes for about n people when it has none yet: a list reader
// about to add the entries of the first list sizes them once rather than growing them person by
// person (a map grows by doubling, and each growth copies it).
func (p *People) Reserve(n int) {
	p.byKey.reserve(n)
	p.byWord.reserve(2 * n)
}

// index records q under its current names.
func (p *People) index(q *Person) {
	q.key, q.fg, q.ff = p.foldKey(q.Given, q.Family)
	q.kg, q.kf = q.Given, q.Family
	if v, ok := p.byKey.put(q.key); !ok {
		*v = q.at
	}
	for _, w := range [2]string{q.ff, q.fg} {
		if w == "" {
			continue
		}
		cell, ok := p.byWord.put(w)
		switch v := *cell; {
		case !ok:
			*cell = q.at
		case v >= 0:
			if x := p.List[v]; x != q {
				p.shared = append(p.shared, []*Person{x, q})
				*cell = ^int32(len(p.shared) - 1)
			}
		default:
			l := p.shared[^v]
			if !slices.Contains(l, q) {
				p.shared[^v] = append(l, q)
			}
		}
	}
}

// Add records a listed person, or returns the one already known under the same key or the
// single known person the mention is compatible with ("M. HUET" and "Monsieur Guénhaël HUET");
// the known person then takes the fuller parts of the new mention.
func (p *People) Add(n Name) *Person {
	old, ok := p.Resolve(n)
	return p.AddResolved(n, old, ok)
}

// AddResolved is Add(n) for a caller that has just asked Resolve(n), with no change to the
// registry since: old and ok are what Resolve answered, and n is not resolved a second time.
func (p *People) AddResolved(n Name, old *Person, ok bool) *Person {
	if ok {
		p.merge(old, n)
		return old
	}
	np := p.newPerson(n)
	p.index(np)
	return np
}

// New records a person who is certainly not one already known (another entry of the same
// list, say), even when the names are compatible ("M. Luciani" and "F. Luciani").
func (p *People) New(n Name) *Person {
	np := p.newPerson(n)
	p.index(np)
	return np
}

// merge completes a known person with the parts a new mention adds.
func (p *People) merge(old *Person, n Name) {
	changed := false
	if old.Civility == "" && n.Civility != "" {
		old.Civility, changed = n.Civility, true
	}
	if n.Given != "" && (old.Given == "" || isInitials(old.Given) && !isInitials(n.Given)) {
		old.Given, changed = n.Given, true
	}
	if old.Family == "" && n.Family != "" {
		old.Family, changed = n.Family, true
	}
	if changed {
		if len(n.Raw) > len(old.Raw) {
			old.Raw = n.Raw
		}
		p.index(old)
	}
}

// Resolve finds the single known person a (possibly partial) mention can only mean: the same
// key, or else exactly one known person whose name agrees with every part the mention gives
// (family alone, given alone, civility and family, initials and family).
func (p *People) Resolve(n Name) (*Person, bool) {
	k, mg, mf := p.foldKey(n.Given, n.Family)
	if k != "" {
		if at, ok := p.byKey.get(k); ok {
			if old := p.List[at]; civilityAgrees(old.Civility, n.Civility) {
				return old, true
			}
		}
	}
	var found *Person
	for _, w := range [2]string{mf, mg} {
		if w == "" {
			continue
		}
		for _, q := range p.named(w) {
			if compatible(q, n.Civility, mg, mf) {
				if found != nil && found != q {
					return nil, false // ambiguous
				}
				found = q
			}
		}
	}
	return found, found != nil
}

func civilityAgrees(a, b string) bool { return a == "" || b == "" || a == b }

// compatible reports whether a mention (civility, folded given and family) can name known
// person q.
func compatible(q *Person, civ, mg, mf string) bool {
	if !civilityAgrees(q.Civility, civ) {
		return false
	}
	qf, qg := q.ff, q.fg
	switch {
	case mf != "" && qf != "":
		return mf == qf && (mg == "" || qg == "" || givenAgrees(qg, mg))
	case mf == "" && qf == "":
		return mg != "" && mg == qg
	case mf == "" && qf != "":
		// A single word without civility reads as a given name; it may be the family name.
		return mg != "" && (mg == qg || !strings.Contains(mg, " ") && mg == qf && civ == "")
	default: // the mention has a family name, the known person only a given name
		return mf == qg && mg == ""
	}
}

// givenAgrees compares two folded given names: equal, or one gives the initials of the other
// ("a." and "anthony", "j.-p." and "jean-pierre", "ph." and "philippe").
func givenAgrees(a, b string) bool {
	if a == b {
		return true
	}
	ia, ib := isInitials(a), isInitials(b)
	switch {
	case ia && ib:
		return initials(a) == initials(b)
	case ia:
		return abbreviates(a, b)
	case ib:
		return abbreviates(b, a)
	}
	return false
}

// isInitials reports whether a given name is written as initials ("J.", "J.-P.", "JF", "Ph.").
func isInitials(g string) bool {
	if g == "" {
		return false
	}
	var buf [4]string
	for _, w := range appendFields(buf[:0], g) {
		// A match of reInitial ends with a dot or a hyphen, and so does its second text (the
		// same last byte, or the ASCII upper case of a word of one byte): a given name written
		// in full is told without the pattern.
		dotted := w[len(w)-1] == '.' || w[len(w)-1] == '-'
		if !(dotted && reInitial.MatchString(w)) && !(utf8.RuneCountInString(w) <= 2 && kindOfCapsOnly(w)) && !(dotted && reInitial.MatchString(strings.ToUpper(w[:1])+w[1:])) {
			return false
		}
	}
	return true
}

// initials returns the letters of initials, lower case: "J.-P." → "jp".
func initials(g string) string {
	var b strings.Builder
	for _, r := range Fold(g) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// abbreviates reports whether initials abbr fits the full given name: "j.-p." fits
// "jean-pierre", "a." fits "anthony", "ph." fits "philippe".
func abbreviates(abbr, full string) bool {
	parts := strings.FieldsFunc(Fold(abbr), func(r rune) bool { return r == '.' || r == '-' || r == ' ' })
	words := strings.FieldsFunc(Fold(full), func(r rune) bool { return r == '-' || r == ' ' })
	if len(parts) == 1 && len(parts[0]) == 2 && len(words) == 2 && !strings.Contains(abbr, ".") {
		parts = []string{parts[0][:1], parts[0][1:]} // "JF" = J. F.
	}
	if len(parts) == 0 || len(parts) > len(words) {
		return false
	}
	if len(parts) < len(words) && len(parts) != 1 {
		return false
	}
	for i, pt := range parts {
		if !strings.HasPrefix(words[i], pt) {
			return false
		}
	}
	return true
}

// Roles a person may be named by in the minutes: "Monsieur le Maire", "Madame la Présidente",
// "le Secrétaire de séance". Keys are the folded masculine forms.
var roleWords = map[string]string{
	"maire": "maire", "mairesse": "maire", "depute-maire": "maire", "senateur-maire": "maire",
	"president": "president", "presidente": "president",
	"secretaire": "secretaire", "secretaire de seance": "secretaire",
	"vice-president": "vice-president", "vice-presidente": "vice-president",
	"premier adjoint": "premier adjoint", "premiere adjointe": "premier adjoint",
	"1er adjoint": "premier adjoint", "1ere adjointe": "premier adjoint",
	"doyen": "doyen", "doyenne": "doyen", "doyen d'age": "doyen", "doyenne d'age": "doyen",
}

// RoleKey reads a role as written ("le Maire", "Madame la Présidente", "Président") and returns
// its key ("maire", "president"), or "" when the text names no known role.
func RoleKey(text string) string {
	f := strings.Trim(Fold(text), " .,:;")
	fs := strings.Fields(f)
	if len(fs) > 0 {
		if _, ok := CivilityOf(fs[0]); ok {
			fs = fs[1:]
		}
	}
	if len(fs) > 0 {
		switch fs[0] {
		case "le", "la", "l'":
			fs = fs[1:]
		}
	}
	if len(fs) == 1 && strings.HasPrefix(fs[0], "l'") {
		fs[0] = fs[0][2:]
	}
	return roleWords[strings.Join(fs, " ")]
}

// SetRole records that person q holds role ("maire", "president", or text such as "le Maire").
func (p *People) SetRole(role string, q *Person) {
	if q == nil {
		return
	}
	k := RoleKey(role)
	if k == "" {
		k = Fold(role)
	}
	if p.roles == nil {
		p.roles = map[string]*Person{}
	}
	if _, ok := p.roles[k]; !ok {
		p.roles[k] = q
	}
}

// Role returns the person registered for a role key ("maire", "president") or role text.
func (p *People) Role(role string) (*Person, bool) {
	k := RoleKey(role)
	if k == "" {
		k = Fold(role)
	}
	q, ok := p.roles[k]
	return q, ok
}

// ResolveRole resolves a mention by role ("Monsieur le Maire", "Madame la Présidente") to the
// person registered for it. The maire and the president of a conseil municipal are one person
// unless the document said otherwise.
func (p *People) ResolveRole(text string) (*Person, bool) {
	k := RoleKey(text)
	if k == "" {
		return nil, false
	}
	if q, ok := p.roles[k]; ok {
		return q, true
	}
	if k == "maire" {
		if q, ok := p.roles["president"]; ok {
			return q, true
		}
	}
	return nil, false
}

// personID is "p" and n: the ids of a council's members are made once for all documents.
func personID(n int) string {
	if n < len(personIDs) {
		return personIDs[n]
	}
	return "p" + strconv.Itoa(n)
}

var personIDs = func() (t [128]string) {
	for n := range t {
		t[n] = "p" + strconv.Itoa(n)
	}
	return t
}()
