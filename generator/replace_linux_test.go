package generator

import "testing"

// TestOutputWithoutUnnamedFiles runs the Output's tests of new, changed
// and removed files, and of builds killed at every step, the way a
// system without O_TMPFILE writes new files: to a temporary name, then
// renamed.
func TestOutputWithoutUnnamedFiles(t *testing.T) {
	unnamedFiles = false
	defer func() { unnamedFiles = true }()
	for name, test := range map[string]func(*testing.T){
		"changes":             TestOutputChanges,
		"unchanged":           TestOutputUnchangedWritesNothing,
		"killed":              TestOutputKilledAndRepaired,
		"failed":              TestOutputFailedBuildChangesNothing,
		"concurrent puts":     TestOutputConcurrentPuts,
		"patched manifest":    TestOutputPatchedManifest,
		"names":               TestOutputManifestNames,
		"foreign files":       TestOutputForeignFiles,
		"symlinked folder":    TestOutputRefusesSymlinkedFolder,
		"put twice, closed":   TestOutputPutTwiceAndAfterClose,
		"trusts the manifest": TestOutputTrustsTheManifest,
	} {
		t.Run(name, test)
	}
}
