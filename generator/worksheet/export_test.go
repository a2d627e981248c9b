package worksheet

// PlainText lets the external tests read a question's Markdown as text.
var PlainText = plainText
