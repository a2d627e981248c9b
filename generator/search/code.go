package search

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

// decodeCodes reads back the numbers appendCode wrote; tests use it.
func decodeCodes(s string) []int {
	var out []int
	v, mul := 0, 1
	for i := 0; i < len(s); i++ {
		d := digitValue(s[i])
		if d >= codeBase {
			v += (d - codeBase) * mul
			mul *= codeBase
			continue
		}
		out = append(out, v+d*mul)
		v, mul = 0, 1
	}
	return out
}

func digitValue(c byte) int {
	for i := range len(digitChars) {
		if digitChars[i] == c {
			return i
		}
	}
	return -1
}
