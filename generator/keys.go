package generator

import (
	"encoding/binary"
	"hash"
	"hash/crc64"
	"hash/fnv"
)

// A key is a 64-bit digest of a step's inputs: two runs that compute the
// same key for a step have the same inputs (up to a hash collision), and
// the step's last result stands. Keys are the same in every process, so a
// cache on disk can hold them.
type key struct{ h hash.Hash64 }

func newKey(label string) *key {
	k := &key{fnv.New64a()}
	return k.str(label)
}

// str adds a string, with its length so that ("ab","c") and ("a","bc") differ.
func (k *key) str(s string) *key {
	k.num(uint64(len(s)))
	k.h.Write([]byte(s))
	return k
}

func (k *key) num(n uint64) *key {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	k.h.Write(b[:])
	return k
}

func (k *key) int(n int) *key { return k.num(uint64(n)) }

func (k *key) flag(b bool) *key {
	if b {
		return k.num(1)
	}
	return k.num(0)
}

func (k *key) sum() uint64 { return k.h.Sum64() }

var crcTable = crc64.MakeTable(crc64.ECMA)

// hashBytes is the digest of a file's bytes.
func hashBytes(b []byte) uint64 { return crc64.Checksum(b, crcTable) }
