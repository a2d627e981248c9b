package search

import (
	"bytes"
	"strconv"
)

// docsPerFile is how many documents one file under search/d holds:
// search/d/K.js holds documents K*docsPerFile up to the next file's first.
// Creating files is much of what writing a large site costs the system,
// and each file a query's results need is downloaded whole: two to a
// file halves the files (10,201 to 5,101 at 10,000 lessons) and keeps the
// first query's download at 10,000 lessons within 150 KB (149 KB typed
// letter by letter; eight to a file took 375 KB).
const docsPerFile = 2

// docFileName is the name of the file that holds document d.
func docFileName(d int) string {
	return "search/d/" + strconv.Itoa(d/docsPerFile) + ".js"
}

// docFile makes the file that holds document d from the encoded documents
// of the whole index: a script giving the list of its documents.
func docFile(payloads [][]byte, d int) []byte {
	first := d / docsPerFile * docsPerFile
	last := min(first+docsPerFile, len(payloads))
	name := "d/" + strconv.Itoa(d/docsPerFile)
	n := len(`P2PCSearch.load("",[]);`) + len(name) + 1
	for _, p := range payloads[first:last] {
		n += len(p) + 1
	}
	var b bytes.Buffer
	b.Grow(n)
	b.WriteString(`P2PCSearch.load("`)
	b.WriteString(name)
	b.WriteString(`",[`)
	for i, p := range payloads[first:last] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(p)
	}
	b.WriteString("]);\n")
	return b.Bytes()
}

// docFiles adds every file under search/d to files.
func docFiles(payloads [][]byte, files map[string][]byte) {
	for d := 0; d < len(payloads); d += docsPerFile {
		files[docFileName(d)] = docFile(payloads, d)
	}
}
