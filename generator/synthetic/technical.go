package synthetic

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Technical returns the Markdown files of a curriculum of about n technical
// lessons, laid out like Files(n) (modules of 50, the same front matter keys,
// all links valid) but written like real Carpentries or mdBook lessons:
// shell sessions (```bash blocks of "$ " prompts, each often followed by an
// ```output or ```error block), Python and R blocks, unlabelled blocks of
// file contents, inline code, tables, and in about one lesson in four a
// long listing of 100 to 300 lines. About a third of the code blocks are
// unlabelled, output or error, as in real lessons. The result depends only
// on n.
func Technical(n int) map[string]string {
	g := &techGen{r: rand.New(rand.NewPCG(3, 4))}
	files := map[string]string{"_index.md": "---\ntitle: Synthetic technical curriculum\nsummary: Made up for benchmarks.\n---\nWelcome.\n"}
	perModule := 50
	for i := 0; i < n; i++ {
		m, l := i/perModule, i%perModule
		dir := fmt.Sprintf("%03d-module-%d", m+1, m+1)
		if l == 0 {
			files[dir+"/_index.md"] = fmt.Sprintf("---\ntitle: Module %d\nsummary: %s.\n---\n%s.\n", m+1, g.sentence(8), g.prose(30))
		}
		files[fmt.Sprintf("%s/%03d-lesson-%d.md", dir, l+1, i+1)] = g.lesson(i, l)
	}
	return files
}

// WriteTechnical writes Technical(n) below dir.
func WriteTechnical(dir string, n int) error {
	return WriteFiles(dir, Technical(n))
}

var (
	techFiles = strings.Fields(`data.csv notes.txt results.tsv analysis.py plot.R run.sh
samples.txt lengths.txt sorted.txt animals.csv inflammation.csv README.md config.yaml
output.log errors.txt summary.txt table.tsv words.txt counts.txt`)
	techDirs = strings.Fields(`data molecules north-pacific-gyre writing creatures exercise-data
results scripts raw processed thesis backup`)
	techVars = strings.Fields(`data counts total values names result frame rows mean_value
samples lengths weights temperature patients reading filename`)
	techFuncs = strings.Fields(`len sum max min sorted round abs print`)
	techFlags = strings.Fields(`-l -n -F -r -a -h -w -c -v -i -s -k`)
	techErrs  = []string{
		"ls: cannot access '%s': No such file or directory",
		"cat: %s: No such file or directory",
		"grep: %s: Is a directory",
		"bash: %s: command not found",
		"rm: cannot remove '%s': Permission denied",
		"mv: cannot stat '%s': No such file or directory",
	}
)

type techGen struct{ r *rand.Rand }

func (g *techGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *techGen) sentence(n int) string { return sentence(g.r, n) }

// prose is a sentence of about n words with inline code in it.
func (g *techGen) prose(n int) string {
	out := strings.Fields(g.sentence(n))
	for k := 0; k < 1+n/12; k++ {
		var code string
		switch g.r.IntN(4) {
		case 0:
			code = "`" + g.pick(techFiles) + "`"
		case 1:
			code = "`" + g.command() + "`"
		case 2:
			code = "`" + g.pick(techVars) + "`"
		default:
			code = "`" + g.pick(techFlags) + "`"
		}
		i := 1 + g.r.IntN(len(out)-1)
		out = append(out[:i], append([]string{code}, out[i:]...)...)
	}
	return strings.Join(out, " ")
}

// command is one shell command line without its prompt.
func (g *techGen) command() string {
	switch g.r.IntN(9) {
	case 0:
		return "ls " + g.pick(techFlags) + " " + g.pick(techDirs)
	case 1:
		return "cd " + g.pick(techDirs)
	case 2:
		return "wc -l *." + g.pick([]string{"csv", "txt", "pdb", "tsv"})
	case 3:
		return "sort -n " + g.pick(techFiles) + " | head -n " + fmt.Sprint(1+g.r.IntN(10))
	case 4:
		return "grep " + g.pick(techFlags) + " " + g.pick(words) + " " + g.pick(techFiles)
	case 5:
		return "cut -d , -f " + fmt.Sprint(1+g.r.IntN(4)) + " " + g.pick(techFiles) + " > " + g.pick(techFiles)
	case 6:
		return "head -n " + fmt.Sprint(2+g.r.IntN(20)) + " " + g.pick(techFiles)
	case 7:
		return "cp " + g.pick(techFiles) + " " + g.pick(techDirs) + "/ && echo done"
	default:
		return "mkdir -p " + g.pick(techDirs) + "/" + g.pick(techDirs)
	}
}

// shell writes a ```bash block of one to three prompts, or a loop.
func (g *techGen) shell(b *strings.Builder) {
	b.WriteString("\n```bash\n")
	if g.r.IntN(6) == 0 {
		fmt.Fprintf(b, "$ for filename in *.%s\n> do\n>     echo $filename\n>     %s $filename\n> done\n",
			g.pick([]string{"csv", "txt", "dat"}), g.pick([]string{"head -n 2", "tail -n 1", "wc -l"}))
	} else {
		for k := 0; k < 1+g.r.IntN(3); k++ {
			b.WriteString("$ " + g.command() + "\n")
		}
	}
	b.WriteString("```\n")
}

// outputLines writes n lines of the kind of text commands print.
func (g *techGen) outputLines(b *strings.Builder, n int) {
	kind := g.r.IntN(4)
	for k := 0; k < n; k++ {
		switch kind {
		case 0:
			fmt.Fprintf(b, "%7d %s\n", g.r.IntN(100000), g.pick(techFiles))
		case 1:
			fmt.Fprintf(b, "%s/%s\n", g.pick(techDirs), g.pick(techFiles))
		case 2:
			fmt.Fprintf(b, "%d,%s,%d.%02d,%s\n", k+1, g.pick(words), g.r.IntN(100), g.r.IntN(100), g.pick(words))
		default:
			fmt.Fprintf(b, "%d:%s\n", 1+g.r.IntN(500), g.sentence(4+g.r.IntN(8)))
		}
	}
}

func (g *techGen) output(b *strings.Builder, n int) {
	b.WriteString("\n```output\n")
	g.outputLines(b, n)
	b.WriteString("```\n")
}

func (g *techGen) errorBlock(b *strings.Builder) {
	b.WriteString("\n```error\n")
	fmt.Fprintf(b, g.pick(techErrs)+"\n", g.pick(techFiles))
	b.WriteString("```\n")
}

// pythonLines writes n lines of plausible Python.
func (g *techGen) pythonLines(b *strings.Builder, n int) {
	b.WriteString("import " + g.pick([]string{"numpy", "pandas", "glob", "sys", "csv"}) + "\n\n")
	for k := 2; k < n; k++ {
		switch g.r.IntN(6) {
		case 0:
			fmt.Fprintf(b, "# %s\n", g.sentence(3+g.r.IntN(8)))
		case 1:
			fmt.Fprintf(b, "%s = %s(%s) * %d\n", g.pick(techVars), g.pick(techFuncs), g.pick(techVars), 1+g.r.IntN(9))
		case 2:
			v := g.pick(techVars)
			fmt.Fprintf(b, "for %s in %s:\n    if %s > %d:\n        print(%s, %q)\n", v[:1], v, v[:1], g.r.IntN(100), v[:1], g.pick(words))
			k += 2
		case 3:
			fmt.Fprintf(b, "def %s_%s(%s, %s=%d):\n    return %s + %s\n", g.pick(words), g.pick(words), g.pick(techVars), "limit", g.r.IntN(50), "limit", g.pick(techVars))
			k++
		case 4:
			fmt.Fprintf(b, "%s = pandas.read_csv(%q, index_col=0)\n", g.pick(techVars), g.pick(techFiles))
		default:
			fmt.Fprintf(b, "print(f\"{%s:.2f} %s\")\n", g.pick(techVars), g.pick(words))
		}
	}
}

// rLines writes n lines of plausible R.
func (g *techGen) rLines(b *strings.Builder, n int) {
	for k := 0; k < n; k++ {
		switch g.r.IntN(5) {
		case 0:
			fmt.Fprintf(b, "%s <- read.csv(file = %q, header = TRUE)\n", g.pick(techVars), g.pick(techFiles))
		case 1:
			fmt.Fprintf(b, "summary(%s[, %d])\n", g.pick(techVars), 1+g.r.IntN(9))
		case 2:
			fmt.Fprintf(b, "%s <- apply(%s, %d, mean)\n", g.pick(techVars), g.pick(techVars), 1+g.r.IntN(2))
		case 3:
			fmt.Fprintf(b, "# %s\n", g.sentence(3+g.r.IntN(6)))
		default:
			fmt.Fprintf(b, "plot(%s, main = %q)\n", g.pick(techVars), g.sentence(3))
		}
	}
}

func (g *techGen) table(b *strings.Builder) {
	b.WriteString("\n| Command | What it does | Example |\n| --- | --- | --- |\n")
	for k := 0; k < 3+g.r.IntN(5); k++ {
		cmd := strings.ReplaceAll(g.command(), "|", `\|`) // a bare | would end the cell
		fmt.Fprintf(b, "| `%s` | %s | `%s` |\n", g.pick(techFlags), g.sentence(3+g.r.IntN(6)), cmd)
	}
}

// slot writes one piece of technical content after a section's prose.
func (g *techGen) slot(b *strings.Builder) {
	switch w := g.r.IntN(100); {
	case w < 25: // a shell session with its output
		g.shell(b)
		g.output(b, 2+g.r.IntN(12))
	case w < 50: // commands that print nothing
		g.shell(b)
	case w < 55: // a command that fails
		g.shell(b)
		g.errorBlock(b)
	case w < 70:
		b.WriteString("\n```python\n")
		g.pythonLines(b, 4+g.r.IntN(16))
		b.WriteString("```\n")
		if g.r.IntN(10) < 3 {
			g.output(b, 1+g.r.IntN(6))
		}
	case w < 80:
		b.WriteString("\n```r\n")
		g.rLines(b, 3+g.r.IntN(12))
		b.WriteString("```\n")
		if g.r.IntN(10) < 2 {
			g.output(b, 1+g.r.IntN(6))
		}
	case w < 88: // a file's contents, no language
		b.WriteString("\n```\n")
		g.outputLines(b, 3+g.r.IntN(10))
		b.WriteString("```\n")
	default:
		g.table(b)
	}
}

// long writes a listing of 100 to 300 lines.
func (g *techGen) long(b *strings.Builder) {
	n := 100 + g.r.IntN(201)
	switch g.r.IntN(5) {
	case 0, 1:
		fmt.Fprintf(b, "\n```bash\n$ cat %s\n```\n", g.pick(techFiles))
		g.output(b, n)
	case 2, 3:
		b.WriteString("\n```python\n")
		g.pythonLines(b, n)
		b.WriteString("```\n")
	default:
		b.WriteString("\n```\n")
		g.outputLines(b, n)
		b.WriteString("```\n")
	}
}

func (g *techGen) lesson(i, l int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Lesson %d %s\nsummary: %s.\nobjectives:\n  - %s\n  - %s\nduration: %d\n---\n",
		i+1, g.pick(words), g.sentence(10), g.sentence(5), g.sentence(5), 5+g.r.IntN(20))
	fmt.Fprintf(&b, "\n%s.\n", g.prose(30))
	longIn := -1
	if g.r.IntN(4) == 0 {
		longIn = g.r.IntN(5)
	}
	for s := 0; s < 5; s++ {
		fmt.Fprintf(&b, "\n## Section %d about %s {#s%d}\n\n%s.\n", s+1, g.pick(words), s+1, g.prose(25+g.r.IntN(20)))
		for k := 0; k < 1+g.r.IntN(3); k++ {
			g.slot(&b)
			if g.r.IntN(3) == 0 {
				fmt.Fprintf(&b, "\n%s.\n", g.prose(15+g.r.IntN(20)))
			}
		}
		if s == longIn {
			fmt.Fprintf(&b, "\n%s:\n", g.prose(12))
			g.long(&b)
		}
	}
	if l > 0 {
		fmt.Fprintf(&b, "\nSee the [previous lesson](%03d-lesson-%d.md#s2).\n", l, i)
	}
	return b.String()
}
