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
// A key takes sixteen bytes at a time, mixed in by a 64×64→128-bit
// multiply folded to 64 bits (as wyhash does), so that adding a string
// costs no allocation and about a nanosecond per 16 bytes: serve digests
// every page's title, URL and source path on each run.
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

// str adds a string, with its length so that ("ab","c") and ("a","bc")
// differ. It takes sixteen bytes a multiply (as wyhash does): two words,
// one folded into the digest and one into the multiplier; the last one to
// sixteen bytes are read as two words that may overlap, and the length is
// folded into the last multiply. (One word a multiply made hashing a tenth
// of a one-lesson edit at 10,000 lessons: serve digests every page's title,
// URL and source path on each run.)
func (k *key) str(s string) *key {
	h, n := k.h, uint64(len(s))
	for ; len(s) > 16; s = s[16:] {
		h = mix(h^le64(s), le64(s[8:]))
	}
	var a, b uint64
	switch {
	case len(s) >= 8:
		a, b = le64(s), le64(s[len(s)-8:])
	case len(s) >= 4:
		a = le32(s)<<32 | le32(s[len(s)-4:])
	case len(s) > 0:
		a = uint64(s[0])<<16 | uint64(s[len(s)/2])<<8 | uint64(s[len(s)-1])
	}
	k.h = mix(h^a, b^n)
	return k
}

// le64 reads the first eight bytes of s as a little-endian word.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// le32 reads the first four bytes of s as a little-endian word.
func le32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
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
