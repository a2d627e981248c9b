package generator

import (
	"encoding/binary"
	"hash/crc64"
	"hash/fnv"
	"math/bits"
)

// A key is a 64-bit digest of a step's inputs: two runs that compute the
// same key for a step have the same inputs (up to a hash collision), and
// the step's last result stands. Keys are the same in every process, so a
// cache on disk can hold them.
//
// A key takes eight bytes at a time, each word mixed in by a 64×64→128-bit
// multiply folded to 64 bits (as wyhash does), so that adding a string
// costs no allocation and about a nanosecond per word: serve digests every
// page's title, URL and source path on each run.
type key struct{ h uint64 }

const (
	keyMul1 = 0xa0761d6478bd642f
	keyMul2 = 0xe7037ed1a0b428db
)

// mix folds a word into a digest. The digest is mixed into the result
// too, so that no word (such as one that makes the product zero) erases
// what came before it.
func mix(h, w uint64) uint64 {
	hi, lo := bits.Mul64(h^keyMul1, w^keyMul2)
	return hi ^ lo ^ bits.RotateLeft64(h, 29)
}

func newKey(label string) *key {
	k := &key{keyMul2}
	return k.str(label)
}

// str adds a string, with its length so that ("ab","c") and ("a","bc") differ.
func (k *key) str(s string) *key {
	h := mix(k.h, uint64(len(s)))
	for ; len(s) >= 8; s = s[8:] {
		h = mix(h, uint64(s[0])|uint64(s[1])<<8|uint64(s[2])<<16|uint64(s[3])<<24|
			uint64(s[4])<<32|uint64(s[5])<<40|uint64(s[6])<<48|uint64(s[7])<<56)
	}
	if len(s) > 0 {
		var w uint64
		for i := len(s) - 1; i >= 0; i-- {
			w = w<<8 | uint64(s[i])
		}
		h = mix(h, w)
	}
	k.h = h
	return k
}

func (k *key) num(n uint64) *key {
	k.h = mix(k.h, n)
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

// fnvDigest is FNV-1a over strings, each after its length (eight bytes,
// little-endian). Site.ID uses it: readers' progress is stored under it, so
// it must never change.
func fnvDigest(strs ...string) uint64 {
	h := fnv.New64a()
	var n [8]byte
	for _, s := range strs {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return h.Sum64()
}
