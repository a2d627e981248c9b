package worksheet

import (
	"fmt"
	"strconv"
	"strings"

	"p2pc/generator/markdown"
)

// GIFT returns the worksheet in Moodle's GIFT import format, as plain text
// in UTF-8. How each type is written (see also the package documentation):
//
//   - single: {=right#feedback ~wrong#feedback}
//   - multi: every choice weighted, ~%50%right and ~%-50%wrong, so a wrong
//     pick cancels a right one, as on screen; Moodle never scores below zero
//   - truefalse: {T#feedback if wrong#feedback if right} when the choices
//     read True and False; otherwise as a single question
//   - short: {=a =b}; Moodle compares without regard to case
//   - order: a matching question, each item matched to its position 1, 2, ...
//   - reflection: an essay {}; the model answer is a // comment for trainers
//   - scale: a description (no answer box), since Moodle has no ungraded rating
//
// The explanation becomes the general feedback (####). Text is written as
// [plain] without Markdown; links are dropped, their words kept.
func (s *Sheet) GIFT() []byte {
	src := s.Page.Body
	var b strings.Builder
	fmt.Fprintf(&b, "// %s\n", s.Title)
	fmt.Fprintf(&b, "// Exported from the lesson %q (%s).\n", s.Page.Title, s.LessonLink())
	b.WriteString("// Reflections import as essays, the 1-5 self-rating as a description\n")
	b.WriteString("// and ordering questions as matching questions (item -> position).\n\n")
	fmt.Fprintf(&b, "$CATEGORY: P2PC/%s\n\n", s.ID)
	for _, q := range s.Questions {
		prompt := markdown.PlainText(src, q.Prompt...)
		fmt.Fprintf(&b, "// %s (%s)\n", q.ID, q.Type)
		if text := markdown.PlainText(src, q.ModelAnswer...); text != "" {
			fmt.Fprintf(&b, "// Model answer: %s\n", text)
		}
		fmt.Fprintf(&b, "::%s::[plain]%s", giftEscape(fmt.Sprintf("%02d %s", q.Number, q.ID)), giftEscape(prompt))
		general := ""
		if text := markdown.PlainText(src, q.Explanation...); text != "" {
			general = "\n####" + giftEscape(text)
		}
		switch q.Type {
		case Single:
			b.WriteString(" {")
			for _, c := range q.Choices {
				mark := "~"
				if c.Correct {
					mark = "="
				}
				b.WriteString("\n" + mark + giftEscape(c.Text) + giftFeedback(c, src))
			}
			b.WriteString(general + "\n}")
		case Multi:
			w := giftWeight(len(q.Correct()))
			b.WriteString(" {")
			for _, c := range q.Choices {
				sign := "-"
				if c.Correct {
					sign = ""
				}
				b.WriteString("\n~%" + sign + w + "%" + giftEscape(c.Text) + giftFeedback(c, src))
			}
			b.WriteString(general + "\n}")
		case TrueFalse:
			b.WriteString(giftTrueFalse(q, src, general))
		case Short:
			b.WriteString(" {")
			for _, a := range q.Accept {
				b.WriteString("\n=" + giftEscape(a))
			}
			b.WriteString(general + "\n}")
		case Order:
			b.WriteString(" {")
			for i, c := range q.Choices {
				item := strings.ReplaceAll(c.Text, "->", "→")
				fmt.Fprintf(&b, "\n=%s -> %d", giftEscape(item), i+1)
			}
			b.WriteString(general + "\n}")
		case Reflection:
			b.WriteString(" {" + strings.TrimPrefix(general, "\n") + "}")
		case Scale:
			b.WriteString(giftEscape(fmt.Sprintf(" (Rate yourself from 1, %s, to 5, %s.)", q.Low, q.High)))
		}
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

// giftTrueFalse writes a truefalse question as {T} or {F} when its choices
// read True and False, and as a single-answer question otherwise.
func giftTrueFalse(q *Question, src []byte, general string) string {
	var right, wrong *Choice
	for _, c := range q.Choices {
		if c.Correct {
			right = c
		} else {
			wrong = c
		}
	}
	if right == nil || wrong == nil {
		return ""
	}
	answer := map[string]string{"true": "T", "false": "F"}[strings.ToLower(right.Text)]
	other := map[string]string{"true": "T", "false": "F"}[strings.ToLower(wrong.Text)]
	if answer == "" || other == "" || answer == other {
		return " {\n=" + giftEscape(right.Text) + giftFeedback(right, src) +
			"\n~" + giftEscape(wrong.Text) + giftFeedback(wrong, src) + general + "\n}"
	}
	out := " {" + answer
	wf, rf := markdown.PlainText(src, wrong.Feedback...), markdown.PlainText(src, right.Feedback...)
	if wf != "" || rf != "" {
		out += "#" + giftEscape(wf) + "#" + giftEscape(rf)
	}
	return out + general + "}"
}

func giftFeedback(c *Choice, src []byte) string {
	if text := markdown.PlainText(src, c.Feedback...); text != "" {
		return "#" + giftEscape(text)
	}
	return ""
}

// giftWeights are the answer weights Moodle offers, in percent.
var giftWeights = []string{"100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10"}

// giftWeight is the percentage each of n correct choices of a multi question
// earns: 100/n, which Moodle offers for n up to 10, and 5 beyond.
func giftWeight(n int) string {
	if n >= 1 && n <= len(giftWeights) {
		return giftWeights[n-1]
	}
	return strconv.Itoa(5)
}

// giftEscaper escapes the characters GIFT reserves, and line breaks.
var giftEscaper = strings.NewReplacer(`\`, `\\`, "~", `\~`, "=", `\=`, "#", `\#`, "{", `\{`, "}", `\}`, ":", `\:`, "\n", `\n`, "\r", "")

func giftEscape(s string) string { return giftEscaper.Replace(s) }
