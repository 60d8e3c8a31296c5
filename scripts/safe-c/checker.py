"""
checker.py: the safe-C profile of services/ (docs/boundary.md).

Two kinds of rules.  The AST rules read clang's JSON AST of each file,
parsed with the services' own flags, and judge every node by the file that
spelled it: a macro of a framework header expanded in a service is the
framework's text, the argument a service passes to it is the service's.
The preprocessor rules (include, pragma) read the directives of each
checked file with clex.py, which knows comments and literals.
"""
import argparse
import fnmatch
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, os.path.dirname(__file__))
import clangast  # noqa: E402
import clex  # noqa: E402

ROOT = clangast.ROOT
SERVICES = os.path.join(ROOT, "services")

RULES = {
	"asm": "inline assembly",
	"volatile": "a volatile-qualified type",
	"int-to-pointer": "an integer turned into a pointer",
	"pointer-to-int": "a pointer turned into an integer",
	"uaddr-to-pointer": "a user address (fw_uaddr_t) turned into a pointer",
	"union-pun": "a union overlaying a pointer with non-pointer bytes",
	"fnptr-cast": "a function pointer made from a data pointer, or back",
	"alloca": "alloca",
	"vla": "a variable-length array",
	"setjmp": "setjmp/longjmp",
	"builtin": "a compiler builtin outside scripts/safe-c/builtins.allow",
	"include": "an #include outside the allowed headers",
	"pragma": "a #pragma outside the allow list",
	"parse": "clang could not parse the file",
}

ALLOCA = {"alloca", "_alloca", "__builtin_alloca",
    "__builtin_alloca_with_align", "__builtin_alloca_with_align_and_max"}
SETJMP = {"setjmp", "_setjmp", "__setjmp", "sigsetjmp", "__sigsetjmp",
    "longjmp", "_longjmp", "siglongjmp", "__builtin_setjmp",
    "__builtin_longjmp", "savectx", "getcontext", "setcontext",
    "swapcontext", "makecontext"}
BUILTIN_PREFIXES = ("__builtin_", "__sync_", "__atomic_", "__c11_atomic_",
    "__opencl_atomic_", "__scoped_atomic_")
# Expression nodes that only builtins make.
BUILTIN_KINDS = {"ShuffleVectorExpr": "__builtin_shufflevector",
    "ConvertVectorExpr": "__builtin_convertvector",
    "AsTypeExpr": "__builtin_astype",
    "BuiltinBitCastExpr": "__builtin_bit_cast"}
ASM_KINDS = {"GCCAsmStmt", "MSAsmStmt", "FileScopeAsmDecl", "AsmLabelAttr"}

# The freestanding headers a service may name (ARCHITECTURE.md section 2).
FREESTANDING = {"stdint.h", "stddef.h", "stdbool.h", "stdarg.h",
    "stdatomic.h"}
# The pragmas a service may write; every other one is rejected.
PRAGMA_OK = [re.compile(p) for p in (
	r"once$",
	r"(GCC|clang) diagnostic (push|pop)$",
	r"(GCC|clang) diagnostic error\b",
	r"STDC\b",
)]


def load_allow():
	pats = []
	with open(os.path.join(os.path.dirname(__file__),
	    "builtins.allow")) as f:
		for ln in f:
			ln = ln.split("#", 1)[0].strip()
			if ln:
				pats.append(ln)
	return pats


ALLOW = load_allow()


def builtin_allowed(name):
	return any(fnmatch.fnmatchcase(name, p) for p in ALLOW)


_real = {}


def real(path):
	if path is None:
		return None
	r = _real.get(path)
	if r is None:
		r = _real[path] = os.path.realpath(path)
	return r


def under(path, d):
	return path == d or path.startswith(d.rstrip("/") + "/")


def typestr(node, key="type"):
	t = node.get(key)
	if not isinstance(t, dict):
		return ""
	return t.get("desugaredQualType") or t.get("qualType") or ""


def alltypes(node):
	out = []
	for key in ("type", "argType"):
		t = node.get(key)
		if isinstance(t, dict):
			out += [t.get("qualType", ""), t.get("desugaredQualType", "")]
	return out


_VOLATILE = re.compile(r"\bvolatile\b")
# The first declarator of a type spelling is "(*)": a pointer to function.
_FNPTR = re.compile(r"^[^()]*\(\*\s*(?:(?:const|volatile|restrict|"
    r"__restrict)\s*)*\)\s*\(")


def is_fnptr(t):
	return bool(_FNPTR.match(t))


# ---- a small record layout engine, for unions (x86-64 LP64 sizes) ----

_SCALARS = [
	(re.compile(r"\b__int128\b"), 16),
	(re.compile(r"\blong double\b"), 16),
	(re.compile(r"\blong long\b"), 8),
	(re.compile(r"\blong\b"), 8),
	(re.compile(r"\bdouble\b"), 8),
	(re.compile(r"\bfloat\b"), 4),
	(re.compile(r"\bshort\b"), 2),
	(re.compile(r"\bchar\b"), 1),
	(re.compile(r"\b_Bool\b"), 1),
	(re.compile(r"\bint\b|\bunsigned\b|\bsigned\b"), 4),
]
_QUALS = re.compile(r"\b(const|volatile|restrict|__restrict)\b")


class Layout:
	"""size, align, and the scalars: [(offset, size, 'ptr'|'data', path)]."""

	def __init__(self, size, align, scalars):
		self.size, self.align, self.scalars = size, align, scalars


class Records:
	def __init__(self):
		self.named = {}		# "struct foo" -> RecordDecl node
		self.anon = {}		# id(FieldDecl) -> RecordDecl node

	def add(self, node):
		if node.get("completeDefinition") and node.get("name"):
			self.named["%s %s" % (node.get("tagUsed"),
			    node["name"])] = node
		last_anon = None
		for c in node.get("inner", ()):
			if c.get("kind") == "RecordDecl" and not c.get("name"):
				last_anon = c
			elif c.get("kind") == "FieldDecl" and last_anon is not None \
			    and re.search(r"\((unnamed|anonymous) ",
			    typestr(c)):
				self.anon[id(c)] = last_anon

	def fields(self, rec):
		return [c for c in rec.get("inner", ())
		    if c.get("kind") == "FieldDecl"]

	def layout_type(self, t, field=None, depth=0):
		if depth > 16:
			return None
		t = t.strip()
		m = re.match(r"^_Atomic\((.*)\)$", t)
		if m:
			t = m.group(1)
		t = _QUALS.sub("", t).strip()
		t = re.sub(r"\s+", " ", t)
		if t.endswith("*") or is_fnptr(t):
			return Layout(8, 8, [(0, 8, "ptr", "")])
		m = re.match(r"^(.*?)\s*\[(\d+)\]$", t)
		if m:
			el = self.layout_type(m.group(1), None, depth + 1)
			if el is None:
				return None
			n = int(m.group(2))
			sc = [(i * el.size + o, s, k, "[%d]%s" % (i, p))
			    for i in range(min(n, 512))
			    for (o, s, k, p) in el.scalars]
			return Layout(el.size * n, el.align, sc)
		if re.search(r"\((unnamed|anonymous) ", t):
			rec = self.anon.get(id(field)) if field is not None \
			    else None
			return self.layout_record(rec, depth + 1) if rec else None
		m = re.match(r"^(struct|union) (\w+)$", t)
		if m:
			rec = self.named.get(t)
			return self.layout_record(rec, depth + 1) if rec else None
		if t.startswith("enum "):
			return Layout(4, 4, [(0, 4, "data", "")])
		for rx, size in _SCALARS:
			if rx.search(t):
				return Layout(size, size, [(0, size, "data", "")])
		return None

	def layout_record(self, rec, depth=0):
		is_union = rec.get("tagUsed") == "union"
		off = size = 0
		align = 1
		scalars = []
		for f in self.fields(rec):
			fl = self.layout_type(typestr(f), f, depth)
			if fl is None:
				return None
			a = fl.align
			o = 0 if is_union else (off + a - 1) // a * a
			nm = "." + f["name"] if f.get("name") else ""
			scalars += [(o + so, ss, k, nm + sp)
			    for (so, ss, k, sp) in fl.scalars]
			align = max(align, a)
			if is_union:
				size = max(size, fl.size)
			else:
				off = o + fl.size
				size = off
		size = (size + align - 1) // align * align
		return Layout(size, align, scalars)

	def union_puns(self, rec):
		"""[(pointer member, data member)] overlapping in a union."""
		members = []
		for f in self.fields(rec):
			fl = self.layout_type(typestr(f), f)
			members.append((f.get("name") or "(anonymous)", fl))
		out = []
		for i, (ni, li) in enumerate(members):
			for j, (nj, lj) in enumerate(members):
				if i == j:
					continue
				if li is None or lj is None:
					if li is None and lj is not None and \
					    any(s[2] == "ptr" for s in lj.scalars):
						out.append((nj, ni + " (layout unknown)"))
					continue
				hit = _overlap(li, lj)
				if hit:
					out.append((ni + hit[0], nj + hit[1]))
		return out


def _overlap(p, d):
	"""Does a pointer of layout p share a byte with data of layout d?"""
	for (po, ps, pk, pp) in p.scalars:
		if pk != "ptr":
			continue
		for (do, ds, dk, dp) in d.scalars:
			if dk == "data" and do < po + ps and po < do + ds:
				return pp, dp
	return None


# ---- the AST pass ----

_texts = {}


def token_at(pos):
	"""The identifier at a source position, or None."""
	try:
		if pos.file not in _texts:
			with open(pos.file, errors="replace") as f:
				_texts[pos.file] = f.read().split("\n")
		ln = _texts[pos.file][pos.line - 1]
	except (OSError, IndexError, TypeError):
		return None
	m = re.match(r"[A-Za-z_]\w*", ln[pos.col - 1:])
	return m.group(0) if m else None


def uses_uaddr(node):
	"""Does an expression read the .v of an fw_uaddr_t?"""
	stack = [node]
	while stack:
		n = stack.pop()
		if n.get("kind") == "MemberExpr" and n.get("name") == "v":
			base = n.get("inner", [{}])[0]
			if "fw_uaddr_t" in (base.get("type") or {}).get(
			    "qualType", ""):
				return True
		stack.extend(n.get("inner", ()))
	return False


def check_ast(ast, checked, report):
	records = Records()
	unions = []

	def visit(node, sp, ex, parents):
		kind = node.get("kind", "")
		if kind == "RecordDecl":
			records.add(node)
		if sp is None or real(sp.file) not in checked:
			return True

		def bad(rule, msg, pos=sp):
			report(pos.file, pos.line, pos.col, rule, msg)

		if kind in ASM_KINDS:
			bad("asm", "inline assembly (%s)" % kind)
		for t in alltypes(node):
			if _VOLATILE.search(t):
				bad("volatile", "volatile type '%s'" % t)
				break
		ck = node.get("castKind")
		if ck == "IntegralToPointer":
			if uses_uaddr(node):
				bad("uaddr-to-pointer", "a user address becomes "
				    "'%s'; use fw_copy_from_user()/fw_copy_to_user()"
				    % typestr(node))
			else:
				bad("int-to-pointer", "integer cast to pointer "
				    "type '%s'" % typestr(node))
		elif ck == "PointerToIntegral":
			bad("pointer-to-int", "pointer cast to integer type "
			    "'%s'" % typestr(node))
		elif ck == "BitCast":
			src = node.get("inner", [{}])[0]
			to, frm = typestr(node), typestr(src)
			if is_fnptr(to) != is_fnptr(frm):
				bad("fnptr-cast", "'%s' converted to '%s'" %
				    (frm, to))
		if kind == "DeclRefExpr":
			name = (node.get("referencedDecl") or {}).get("name", "")
			if name in ALLOCA:
				bad("alloca", "%s(): stack allocation of a run-time "
				    "size; use a fixed array or fw_alloc()" % name)
			elif name in SETJMP:
				bad("setjmp", "%s(): non-local jumps skip cleanup "
				    "and lock release" % name)
			elif name.startswith(BUILTIN_PREFIXES) and \
			    not builtin_allowed(name):
				bad("builtin", "%s is not in "
				    "scripts/safe-c/builtins.allow" % name)
		if kind == "AtomicExpr":
			# The dump does not name the builtin: read the token
			# clang's location points at.
			name = token_at(sp) or "__atomic builtin"
			if not builtin_allowed(name):
				bad("builtin", "%s is not in scripts/safe-c/"
				    "builtins.allow; use <stdatomic.h>" % name)
		if kind in BUILTIN_KINDS:
			bad("builtin", "%s is not in scripts/safe-c/builtins.allow"
			    % BUILTIN_KINDS[kind])
		if kind == "RecordDecl" and node.get("tagUsed") == "union" and \
		    node.get("completeDefinition"):
			unions.append(node)
		return True

	w = clangast.Walker()
	w.walk(ast, visit)
	for u in unions:
		sp = u["_sp"]
		for (p, d) in records.union_puns(u):
			report(sp.file, sp.line, sp.col, "union-pun",
			    "union %s: pointer member '%s' shares bytes with "
			    "non-pointer member '%s'" % (u.get("name") or
			    "(anonymous)", p, d))


_DIAG = re.compile(r"^(.*?):(\d+):(\d+): (error|fatal error|warning): (.*)$")


def check_diags(stderr, path, checked, report):
	for ln in stderr.splitlines():
		m = _DIAG.match(ln)
		if not m:
			continue
		f, line, col, sev, msg = m.groups()
		if sev == "warning" and msg.endswith("[-Wvla]"):
			if real(f) in checked:
				report(f, int(line), int(col), "vla",
				    "variable-length array; use a fixed bound")
		elif sev in ("error", "fatal error"):
			report(f, int(line), int(col), "parse",
			    "clang: %s (while parsing %s)" % (msg, rel(path)))


# ---- the preprocessor pass ----

def search_dirs():
	return [os.path.join(ROOT, "framework", "include"),
	    os.path.join(ROOT, "services", "include"),
	    clangast.resource_include()]


def resolve(name, quoted, includer):
	"""The file clang would open for #include, or None."""
	dirs = ([os.path.dirname(includer)] if quoted else []) + search_dirs()
	for d in dirs:
		p = os.path.join(d, name)
		if os.path.isfile(p):
			return os.path.realpath(p)
	return None


def include_ok(target, quoted, quote_roots):
	fw = os.path.join(ROOT, "framework", "include", "fw")
	svc = os.path.join(ROOT, "services", "include", "svc")
	uapi = os.path.join(ROOT, "services", "include", "uapi")
	if any(under(target, d) for d in (fw, svc, uapi)):
		return True
	if os.path.dirname(target) == clangast.resource_include() and \
	    os.path.basename(target) in FREESTANDING:
		return True
	return quoted and any(under(target, r) for r in quote_roots)


def check_directives(path, text, quote_roots, report):
	s = clex.scan(text)
	for (line, col, name, rest) in clex.directives(s):
		if name in ("include_next", "import"):
			report(path, line, col, "include", "#%s is not allowed"
			    % name)
		elif name == "include":
			m = re.match(r'^(<([^>]*)>|"([^"]*)")', rest)
			if not m:
				report(path, line, col, "include", "computed "
				    "#include %s; name the header" % rest)
				continue
			quoted = m.group(3) is not None
			inc = m.group(3) if quoted else m.group(2)
			target = resolve(inc, quoted, path)
			if target is None:
				report(path, line, col, "include", "%s not found "
				    "in the services' include path" % m.group(1))
			elif not include_ok(target, quoted, quote_roots):
				report(path, line, col, "include", "%s is %s, "
				    "outside fw/, svc/, uapi/, the freestanding "
				    "headers and services/" % (m.group(1),
				    rel(target)))
		elif name == "pragma":
			pragma_rule(path, line, col, rest, report)
	# The _Pragma("...") operator, found as a token outside comments and
	# literals; its argument is read from the text around it.
	lines = text.split("\n")
	for i, ln in enumerate(s.skeleton.split("\n")):
		for m in re.finditer(r"\b_Pragma\b", ln):
			arg = re.match(r'\s*\(\s*"((?:[^"\\]|\\.)*)"',
			    s.blanked.split("\n")[i][m.end():])
			body = arg.group(1).replace('\\"', '"').replace(
			    "\\\\", "\\") if arg else "?"
			pragma_rule(path, i + 1, m.start() + 1, body, report)


def pragma_rule(path, line, col, body, report):
	body = re.sub(r"\s+", " ", body.strip())
	if any(p.match(body) for p in PRAGMA_OK):
		return
	if re.match(r"(GCC|clang) diagnostic (ignored|warning)\b", body):
		why = "silences or downgrades a warning"
	elif re.search(r"\bsystem_header\b", body):
		why = "makes the file a system header, which silences warnings"
	else:
		why = "is not on the allow list"
	report(path, line, col, "pragma", "#pragma %s %s" % (body, why))


# ---- driver ----

def rel(p):
	p = os.path.realpath(p) if p and os.path.exists(p) else p
	if p and under(p, ROOT):
		return os.path.relpath(p, ROOT)
	return p


def check_file(args):
	"""Worker: every violation in checked files reached from one file."""
	path, checked, quote_roots, standalone = args
	out = []

	def report(f, line, col, rule, msg):
		out.append((rel(f), line, col, rule, msg))

	rp = real(path)
	with open(path, errors="replace") as f:
		text = f.read()
	check_directives(path, text, quote_roots, report)
	if path.endswith(".h") and not standalone:
		return out
	ast, err, rc = clangast.ast_dump(path, clangast.services_flags(),
	    ["-Wvla"])
	check_diags(err, path, checked, report)
	if ast is None:
		report(path, 1, 1, "parse", "clang gave no AST (exit %d)" % rc)
		return out
	check_ast(ast, checked, report)
	return out


def default_files():
	out = []
	for d, _, fs in os.walk(SERVICES):
		out += [os.path.join(d, f) for f in fs if f.endswith((".c", ".h"))]
	return sorted(out)


def main(argv):
	ap = argparse.ArgumentParser(prog="check-safe-c", description=
	    "The safe-C profile of services/ (docs/boundary.md).")
	ap.add_argument("files", nargs="*", help="C files and headers "
	    "(default: every .c and .h under services/)")
	ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
	ap.add_argument("--rules", action="store_true",
	    help="list the rules and exit")
	a = ap.parse_args(argv)
	if a.rules:
		for r, d in RULES.items():
			print("%-17s %s" % (r, d))
		return 0
	t0 = time.time()
	files = a.files or default_files()
	for f in files:
		if not os.path.isfile(f):
			print("check-safe-c: %s: no such file" % f, file=sys.stderr)
			return 2
	clangast.clang()
	clangast.resource_include()	# once, before the workers fork
	checked = frozenset(real(f) for f in files)
	quote_roots = tuple(sorted({SERVICES} |
	    {os.path.dirname(real(f)) for f in files}))
	# Headers are parsed on their own too, so that one no .c includes is
	# still checked and each header stays self-contained.
	jobs = [(f, checked, quote_roots, True) for f in files]
	found = set()
	with ProcessPoolExecutor(max_workers=max(1, a.jobs)) as ex:
		for res in ex.map(check_file, jobs):
			found.update(res)
	# One report per place and rule: a header is seen from every file
	# that includes it.
	seen = set()
	for (f, line, col, rule, msg) in sorted(found,
	    key=lambda v: (v[0], v[1], v[2], v[3], v[4])):
		if (f, line, rule) in seen:
			continue
		seen.add((f, line, rule))
		print("%s:%d:%d: %s: %s" % (f, line, col, rule, msg))
	nfiles = len({v[0] for v in seen})
	print("check-safe-c: %d violation%s in %d file%s; %d file%s checked "
	    "in %.1f s" % (len(seen), "" if len(seen) == 1 else "s", nfiles,
	    "" if nfiles == 1 else "s", len(files), "" if len(files) == 1
	    else "s", time.time() - t0))
	return 1 if seen else 0
