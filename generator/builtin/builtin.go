// Package builtin is the one list of the features p2pc builds with: the
// only place that names them. The builder knows a feature only through
// package feature's contract.
package builtin

import (
	"p2pc/generator/allinone"
	"p2pc/generator/blocks"
	"p2pc/generator/cards"
	"p2pc/generator/coachlog"
	"p2pc/generator/feature"
	"p2pc/generator/glossary"
	"p2pc/generator/progress"
	"p2pc/generator/trainer"
	"p2pc/generator/worksheet"
)

// Features returns fresh instances of the built-in features, in the order
// their search kinds are listed; each build gets its own.
func Features() []feature.Feature {
	cs, ws := cards.New(), worksheet.New() // the trainer's workshop pack prints their parts
	return []feature.Feature{blocks.New(), glossary.New(), cs, ws, trainer.New(cs, ws), progress.New(), coachlog.New(), allinone.New()}
}
