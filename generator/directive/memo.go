package directive

// memo remembers the answer to "where is the next match at or after p?"
// so a scan that asks at growing positions reads the text once: the
// answer stands for every later p up to the match (and for every later p
// at all when there was none).
type memo struct {
	from, at, end int
	set           bool
}

// next returns the start and end of the next match at or after p, or
// -1, -1; find does the search when the remembered answer does not hold.
func (m *memo) next(p int, find func(p int) (start, end int)) (int, int) {
	if m.set && p >= m.from && (m.at < 0 || m.at >= p) {
		return m.at, m.end
	}
	m.from, m.set = p, true
	m.at, m.end = find(p)
	return m.at, m.end
}
