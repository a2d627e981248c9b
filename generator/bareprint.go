package generator

import (
	"slices"
	"text/template/parse"
)

// printedBare reports whether every field or variable named as forms end
// in the template tree n is printed alone in its action, as one of forms
// (such as {{.Page.HTML}} for ["Page" "HTML"], or {{$.Root}} for ["$"
// "Root"]), and
// used in no other way: not {{len .Page.HTML}}, {{if .Root}}, {{$p.HTML}},
// {{.Page.HTML | printf …}} or a template given it. What the layout does
// then depends on the value only through how it is printed, where it is
// printed: a stand-in can be printed instead and replaced afterwards, as
// long as escaping treats the two alike there (splice.go and sidebar.go
// check that it did). It reads templates as parsed, before html/template
// adds its escapers.
func printedBare(n parse.Node, forms ...[]string) bool {
	name := forms[0][len(forms[0])-1]
	switch n := n.(type) {
	case *parse.ListNode:
		return n == nil || !slices.ContainsFunc(n.Nodes, func(c parse.Node) bool { return !printedBare(c, forms...) })
	case *parse.ActionNode:
		if c := n.Pipe.Cmds; len(n.Pipe.Decl) == 0 && len(c) == 1 && len(c[0].Args) == 1 && isForm(c[0].Args[0], forms) {
			return true
		}
		return printedBare(n.Pipe, forms...)
	case *parse.PipeNode:
		if n == nil {
			return true
		}
		for _, c := range n.Cmds {
			if slices.ContainsFunc(c.Args, func(a parse.Node) bool { return !printedBare(a, forms...) }) {
				return false
			}
		}
		return true
	case *parse.IfNode:
		return printedBare(n.Pipe, forms...) && printedBare(n.List, forms...) && printedBare(n.ElseList, forms...)
	case *parse.RangeNode:
		return printedBare(n.Pipe, forms...) && printedBare(n.List, forms...) && printedBare(n.ElseList, forms...)
	case *parse.WithNode:
		return printedBare(n.Pipe, forms...) && printedBare(n.List, forms...) && printedBare(n.ElseList, forms...)
	case *parse.TemplateNode:
		return printedBare(n.Pipe, forms...)
	case *parse.FieldNode:
		return !endsIn(n.Ident, name)
	case *parse.VariableNode:
		return !endsIn(n.Ident, name)
	case *parse.ChainNode:
		return !endsIn(n.Field, name) && printedBare(n.Node, forms...)
	}
	return true
}

// isForm reports whether the argument a is a field or variable chain of forms.
func isForm(a parse.Node, forms [][]string) bool {
	var ident []string
	switch a := a.(type) {
	case *parse.FieldNode:
		ident = a.Ident
	case *parse.VariableNode:
		ident = a.Ident
	default:
		return false
	}
	return slices.ContainsFunc(forms, func(f []string) bool { return slices.Equal(f, ident) })
}

// endsIn reports whether a chain of fields ends in one named name.
func endsIn(ident []string, name string) bool { return len(ident) > 0 && ident[len(ident)-1] == name }

// calledTemplates names the templates that n calls ({{template "name"}},
// and {{block}}, which is one).
func calledTemplates(n parse.Node) []string {
	var names []string
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			names = append(names, n.Name)
		}
	}
	walk(n)
	return names
}
