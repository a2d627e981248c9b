package trainer

import "html/template"

// packTemplate is the workshop pack: a standalone page (as the print pages
// of cards and worksheets are) with the choices on screen and the parts
// below them, shown as they will print.
var packTemplate = template.Must(template.New("pack").Funcs(template.FuncMap{
	"odd": func(n int) bool { return n%2 == 1 },
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Workshop pack</title>
<link rel="icon" href="../assets/favicon.svg" type="image/svg+xml">
{{range .Styles}}<link rel="stylesheet" href="../assets/{{.}}">
{{end}}<link rel="stylesheet" href="../assets/trainer-pack.css">
<style>
{{.Rules}}</style>
<script src="../assets/trainer-pack.js" defer></script>
</head>
<body class="pack">
<div class="pack-help">
<p><a href="../index.html">Home</a>{{if .Guide}} · <a href="../facilitator-guide/index.html">Facilitator guide</a>{{end}}</p>
<h1>Workshop pack</h1>
<p>Tick what you need for a workshop (nothing is ticked at first), choose your paper, and print it all at once. Each part starts on a new sheet of paper; what is ticked is shown below as it will print.</p>
<form class="pack-form" aria-label="What to print">
<fieldset class="pack-paper"><legend>Paper</legend>
{{range $i, $p := .Papers}}<label><input type="radio" name="paper" id="paper-{{$p.Key}}" value="{{$p.Key}}" data-width="{{$p.W}}" data-height="{{$p.H}}"{{if eq $i 0}} checked{{end}}> {{$p.Name}}</label>
{{end}}</fieldset>
{{range .Groups}}<fieldset class="pack-group"><legend>{{.Name}}</legend>
<ul>
{{range .Picks}}<li><label><input type="checkbox" class="pack-pick{{if .Duplex}} pack-duplex{{end}}" id="pick-{{.ID}}" name="{{.ID}}"> {{.Title}} <span class="pack-about">({{.About}})</span></label></li>
{{end}}</ul>
</fieldset>
{{end}}</form>
<ol class="pack-how">
<li>Print at <strong>100% (Actual size)</strong>, never “Fit to page”; the browser takes the paper size from this page. Turn off the browser's headers and footers.</li>
<li>A deck marked two-sided needs two-sided printing, flipped on the edge it names. While one is ticked, every part starts on the front of a sheet: a blank page follows a part that ends on a front. (Without JavaScript, the pack cannot count a worksheet's pages: print worksheets in a run of their own.)</li>
<li>Measure the 50&nbsp;mm bar on the first sheet of cards; cut along the short marks in the margins, long cuts first.</li>
</ol>
<p class="pack-empty">Nothing is ticked: tick at least one part to print.</p>
<p><button type="button" class="print-button" hidden>Print the pack</button></p>
</div>
<main class="pack-parts">
{{range .Parts}}<section class="pack-part part-{{.ID}} {{if .Sheets}}pack-sheets{{if odd .Pages}} pack-odd{{end}}{{else}}pack-text{{end}}"{{with .Paper}} data-paper="{{.}}"{{end}} aria-label="{{.Group}}: {{.Title}}">
<div class="{{.Class}}"{{with .Style}} style="{{.}}"{{end}}>
{{.HTML}}</div>
<div class="pack-filler"></div>
</section>
{{end}}</main>
</body>
</html>
`))
