package generator

import "hash/crc64"

// A key is a 64-bit digest of a step's inputs: two runs that compute the
// same key for a step have the same inputs (up to a hash collision), and
// the step's last result stands. Keys are the same in every process, so a
// cache on disk can hold them.
// It is FNV-1a over the inputs, written out so that adding a string costs
// no allocation.
type key struct{ h uint64 }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newKey(label string) *key {
	k := &key{fnvOffset}
	return k.str(label)
}

// str adds a string, with its length so that ("ab","c") and ("a","bc") differ.
func (k *key) str(s string) *key {
	k.num(uint64(len(s)))
	h := k.h
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	k.h = h
	return k
}

func (k *key) num(n uint64) *key {
	h := k.h
	for i := 0; i < 8; i++ {
		h = (h ^ (n & 0xff)) * fnvPrime
		n >>= 8
	}
	k.h = h
	return k
}

func (k *key) int(n int) *key { return k.num(uint64(n)) }

func (k *key) flag(b bool) *key {
	if b {
		return k.num(1)
	}
	return k.num(0)
}

func (k *key) sum() uint64 { return k.h }

var crcTable = crc64.MakeTable(crc64.ECMA)

// hashBytes is the digest of a file's bytes.
func hashBytes(b []byte) uint64 { return crc64.Checksum(b, crcTable) }
