"""
clex.py: a small lexer for C (and preprocessed assembly) text that knows
comments, string and character literals, and line splices.  It is what the
line counter of scripts/tcb-report, the directive checks of check-safe-c and
the comment positions of contracts.py share.

scan(text) returns a Scan with:
  code[i]     True if line i+1 holds something that is not a comment or
              white space (string literals are code)
  comment[i]  True if line i+1 holds (part of) a comment
  comments    [(start_line, start_col, end_line, end_col)] of each comment,
              1-based, end inclusive of the closing */ (or the line's end)
  blanked     the text with every comment replaced by spaces (newlines kept)
  skeleton    blanked, with the contents of literals replaced by spaces too
"""


class Scan:
	pass


def scan(text, hash_comments=False):
	"""
	hash_comments: also treat '#' at the start of a line, when what follows
	is not a preprocessor directive, as a comment to the end of the line
	(GNU as for x86 in .S files).
	"""
	n = len(text)
	nlines = text.count("\n") + 1
	code = [False] * nlines
	comment = [False] * nlines
	comments = []
	blank = list(text)
	skel = list(text)
	i = 0
	line, col = 1, 1
	bol = True		# only white space so far on this line

	def adv(k=1):
		nonlocal i, line, col
		for _ in range(k):
			if i < n and text[i] == "\n":
				line += 1
				col = 1
			else:
				col += 1
			i += 1

	while i < n:
		c = text[i]
		nx = text[i + 1] if i + 1 < n else ""
		if c == "\\" and nx == "\n":		# a line splice
			adv(2)
			continue
		if c == "/" and nx == "*":
			sl, sc = line, col
			comment[line - 1] = True
			blank[i] = skel[i] = " "
			blank[i + 1] = skel[i + 1] = " "
			adv(2)
			while i < n and not (text[i] == "*" and
			    i + 1 < n and text[i + 1] == "/"):
				comment[line - 1] = True
				if text[i] != "\n":
					blank[i] = skel[i] = " "
				adv()
			if i < n:
				blank[i] = skel[i] = " "
				blank[i + 1] = skel[i + 1] = " "
				comment[line - 1] = True
				adv(2)
			comments.append((sl, sc, line, col - 1))
			continue
		if c == "/" and nx == "/" or (hash_comments and c == "#" and bol
		    and not _is_directive(text, i + 1)):
			sl, sc = line, col
			comment[line - 1] = True
			while i < n and text[i] != "\n":
				if text[i] == "\\" and i + 1 < n and \
				    text[i + 1] == "\n":
					blank[i] = skel[i] = " "
					adv(2)
					comment[line - 1] = True
					continue
				blank[i] = skel[i] = " "
				adv()
			comments.append((sl, sc, line, col - 1))
			continue
		if c == "\n":
			bol = True
			adv()
			continue
		if c in " \t\f\v\r":
			adv()
			continue
		bol = False
		code[line - 1] = True
		if c in "\"'":
			q = c
			adv()
			while i < n and text[i] != q and text[i] != "\n":
				if text[i] == "\\" and i + 1 < n:
					if text[i + 1] != "\n":
						skel[i] = skel[i + 1] = " "
					adv(2)
					code[line - 1] = True
					continue
				skel[i] = " "
				adv()
			if i < n and text[i] == q:
				adv()
			continue
		adv()
	s = Scan()
	s.code, s.comment, s.comments = code, comment, comments
	s.blanked = "".join(blank)
	s.skeleton = "".join(skel)
	return s


_DIRECTIVES = ("include", "define", "undef", "if", "ifdef", "ifndef", "elif",
    "else", "endif", "error", "warning", "pragma", "line", "include_next",
    "import", "ident", "sccs")


def _is_directive(text, j):
	while j < len(text) and text[j] in " \t":
		j += 1
	k = j
	while k < len(text) and (text[k].isalnum() or text[k] == "_"):
		k += 1
	return text[j:k] in _DIRECTIVES or text[j:k].isdigit()


def directives(s):
	"""
	[(line, col, name, rest)] of each preprocessor directive in a Scan, the
	continuation lines joined and comments removed.  col is that of '#'.
	"""
	out = []
	lines = s.blanked.split("\n")
	i = 0
	while i < len(lines):
		first = i
		ln = lines[i]
		while ln.endswith("\\") and i + 1 < len(lines):
			i += 1
			ln = ln[:-1] + " " + lines[i]
		i += 1
		st = ln.lstrip()
		if not st.startswith("#"):
			continue
		col = len(ln) - len(st) + 1
		body = st[1:].lstrip()
		k = 0
		while k < len(body) and (body[k].isalnum() or body[k] == "_"):
			k += 1
		out.append((first + 1, col, body[:k], body[k:].strip()))
	return out


def count_sloc(text, hash_comments=False):
	"""Lines holding code: blank lines and comment-only lines excluded."""
	return sum(scan(text, hash_comments).code)


if __name__ == "__main__":
	# clex.py FILE...: the lines of code of each file, as tcb-report counts.
	import sys
	for p in sys.argv[1:]:
		with open(p, errors="replace") as f:
			print(count_sloc(f.read(), p.endswith((".S", ".s"))), p)
