package extract

// PDF extracts the text of a PDF with its layout. (Filled in by the PDF work; see issue 5.)
func PDF(data []byte) (*Source, error) {
	return nil, ErrCorrupt
}
