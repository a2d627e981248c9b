package search

import "strings"

// Numbers in the index files are written in a compact text form that a
// script can read with charCodeAt: base 45, least significant digit first,
// each digit one character of digitChars. A digit of the last character is
// written as itself (0..44); every earlier one has 45 added, meaning "more
// follows". So 0..44 take one character, up to 2024 two, up to 91124 three.
// No digit character needs escaping in a JavaScript or JSON string.
const digitChars = "#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"

// codeBase is the number of values one final digit carries.
const codeBase = 45

// appendCode appends the digits of v to b.
func appendCode(b []byte, v int) []byte {
	for v >= codeBase {
		b = append(b, digitChars[codeBase+v%codeBase])
		v /= codeBase
	}
	return append(b, digitChars[v])
}

// readCode reads the first number appendCode wrote into b, and returns
// it and the number of characters it takes.
func readCode(b []byte) (v, n int) {
	mul := 1
	for {
		d := strings.IndexByte(digitChars, b[n])
		n++
		if d < codeBase {
			return v + d*mul, n
		}
		v += (d - codeBase) * mul
		mul *= codeBase
	}
}

// decodeCodes reads back the numbers appendCode wrote; tests use it.
func decodeCodes(s string) []int {
	var out []int
	for b := []byte(s); len(b) > 0; {
		v, n := readCode(b)
		out = append(out, v)
		b = b[n:]
	}
	return out
}
