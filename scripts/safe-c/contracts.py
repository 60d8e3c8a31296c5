#!/usr/bin/env python3
"""
contracts.py [HEADERS...]: every public framework function has a contract.

Issue 3, item 6; STYLE.md: "a function comment is its contract".  For each
fw_ function (and svc_main) declared or defined in framework/include/fw/*.h,
as clang's AST places it, one of these must hold:
  - a comment ends on the line right above it, with nothing else on that line;
  - the declarations right above it, with no blank line between, form a group
    that such a comment opens (one comment for fw_frames_used() and
    fw_frames_total());
  - a comment follows code on one of its own lines (a trailing comment), up to
    the opening brace for an inline definition.
Prints "file:line:col: contract: message" for each function without one and
exits 1 if there is any.  It checks that a contract is there, not what it says.
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import clangast  # noqa: E402
import clex  # noqa: E402

ROOT = clangast.ROOT
FWINC = os.path.join(ROOT, "framework", "include")


def public(name):
	return name.startswith("fw_") or name == "svc_main"


def extents(ast, header):
	"""[(node, first line, last line, body line or None)] of top-level decls."""
	real = os.path.realpath(header)
	decls = []
	cur = {}

	def visit(node, sp, ex, parents):
		if not parents:
			return True
		top = parents[1] if len(parents) > 1 else node
		for p in (ex, node.get("_begin"), node.get("_end")):
			if p is None or p.file is None or \
			    os.path.realpath(p.file) != real:
				continue
			e = cur.setdefault(id(top), [top, p.line, p.line, None])
			e[1] = min(e[1], p.line)
			e[2] = max(e[2], p.line)
		if node.get("kind") == "CompoundStmt" and len(parents) == 2 and \
		    ex is not None and id(top) in cur:
			cur[id(top)][3] = ex.line
		return True

	clangast.Walker().walk(ast, visit)
	for e in cur.values():
		decls.append(tuple(e))
	return decls


def check_header(path, report):
	with open(path, errors="replace") as f:
		s = clex.scan(f.read())
	ast, err, rc = clangast.ast_dump(path, ["-std=gnu11", "-ffreestanding",
	    "-nostdinc", "-isystem", clangast.resource_include(), "-I", FWINC])
	if ast is None or rc != 0:
		report(path, 1, 1, "clang could not parse the header: %s" %
		    err.strip().split("\n")[0])
		return 0
	decls = extents(ast, path)
	owner = {}
	for (node, first, last, body) in decls:
		for ln in range(first, last + 1):
			owner.setdefault(ln, (node, first))

	def comment_only(ln):
		return s.comment[ln - 1] and not s.code[ln - 1]

	def blank(ln):
		return not s.comment[ln - 1] and not s.code[ln - 1]

	n = 0
	for (node, first, last, body) in sorted(decls, key=lambda d: d[1]):
		if node.get("kind") != "FunctionDecl" or \
		    not public(node.get("name", "")) or node.get("isImplicit"):
			continue
		n += 1
		end = body if body is not None else last
		if any(s.code[ln - 1] and s.comment[ln - 1]
		    for ln in range(first, end + 1)):
			continue		# a trailing comment
		ln = first - 1
		ok = False
		while ln >= 1:
			if comment_only(ln):
				ok = True
				break
			if blank(ln) or ln not in owner:
				break
			ln = owner[ln][1] - 1	# up through the group
		if not ok:
			pos = node.get("_sp")
			report(path, first, pos.col if pos else 1, "%s() has no "
			    "contract comment (above it, above its group, or "
			    "trailing)" % node["name"])
	return n


def main(argv):
	headers = argv or sorted(os.path.join(FWINC, "fw", f) for f in
	    os.listdir(os.path.join(FWINC, "fw")) if f.endswith(".h"))
	bad = []

	def report(f, line, col, msg):
		bad.append("%s:%d:%d: contract: %s" % (os.path.relpath(f, ROOT)
		    if f.startswith(ROOT) else f, line, col, msg))

	total = sum(check_header(h, report) for h in headers)
	for b in bad:
		print(b)
	print("contracts: %d of %d public functions in %d headers lack a "
	    "contract comment" % (len(bad), total, len(headers)))
	return 1 if bad else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
