"""
clangast.py: run clang on one C file the way services/ is compiled, and walk
the JSON AST it dumps with real source positions.

Clang's JSON dumper writes "file" and "line" only when they change from the
previous location it printed, so a location means nothing on its own: the
walker replays the dump in document order (Python keeps JSON key order) and
keeps the current file and line, exactly as the dumper did.  A location in a
macro expansion has a spelling part and an expansion part; each node gets
both, and the rules decide which one they want (spelling: the file whose text
wrote the token).
"""
import json
import os
import shutil
import subprocess

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))

_clang = None
_resdir = None


def clang():
	"""The clang binary: $CLANG, else clang-14, else clang."""
	global _clang
	if _clang is None:
		for c in (os.environ.get("CLANG"), "clang-14", "clang"):
			if c and shutil.which(c):
				_clang = shutil.which(c)
				break
		else:
			raise SystemExit("safe-c: clang not found (scripts/setup "
			    "--test installs it; or set CLANG)")
	return _clang


def resource_include():
	"""Clang's own freestanding headers (stdint.h, stddef.h, ...)."""
	global _resdir
	if _resdir is None:
		out = subprocess.run([clang(), "-print-resource-dir"],
		    check=True, capture_output=True, text=True).stdout.strip()
		_resdir = os.path.realpath(os.path.join(out, "include"))
	return _resdir


def services_flags(extra_inc=()):
	"""
	The front-end half of services/CMakeLists.txt's SVC_FLAGS (C11 with GNU
	extensions, as CMAKE_C_EXTENSIONS is ON); the code-generation flags do
	not change what the source says.
	"""
	flags = ["-std=gnu11", "-ffreestanding", "-nostdinc",
	    "-isystem", resource_include(),
	    "-I", os.path.join(ROOT, "framework", "include"),
	    "-I", os.path.join(ROOT, "services", "include")]
	for d in extra_inc:
		flags += ["-I", d]
	return flags


DIAG_FLAGS = ["-fno-color-diagnostics", "-fno-caret-diagnostics",
    "-fdiagnostics-show-option"]


def ast_dump(path, flags, warnings=()):
	"""(ast or None, clang's stderr, exit code) for one file."""
	cmd = [clang(), "-fsyntax-only", "-x", "c"] + flags + DIAG_FLAGS + \
	    ["-Wno-everything"] + list(warnings) + \
	    ["-Xclang", "-ast-dump=json", path]
	r = subprocess.run(cmd, capture_output=True, text=True)
	ast = None
	if r.stdout:
		try:
			ast = json.loads(r.stdout)
		except ValueError:
			ast = None
	return ast, r.stderr, r.returncode


class Pos:
	"""A resolved source position: file (as clang named it), line, col."""
	__slots__ = ("file", "line", "col")

	def __init__(self, file, line, col):
		self.file, self.line, self.col = file, line, col


class Walker:
	"""
	Replays the dumper's location state.  visit(node, spelling, expansion,
	parents) is called for every node, before its children, with the Pos of
	the node's own location ("loc", else the start of "range"), or None.
	"""

	def __init__(self):
		self.file = None
		self.line = None

	def _bare(self, d):
		if "offset" not in d:
			return None
		if "file" in d:
			self.file = d["file"]
		if "line" in d:
			self.line = d["line"]
		return Pos(self.file, self.line, d.get("col", 0))

	def _loc(self, d):
		"""(spelling, expansion) of a location object, in dump order."""
		if not isinstance(d, dict):
			return None, None
		if "spellingLoc" in d or "expansionLoc" in d:
			sp = ex = None
			for k, v in d.items():
				if k == "spellingLoc":
					sp = self._bare(v)
				elif k == "expansionLoc":
					ex = self._bare(v)
			return sp, ex
		p = self._bare(d)
		return p, p

	def walk(self, node, visit, parents=()):
		sp = ex = None
		have = False
		beg_ex = end_sp = end_ex = None
		for k, v in node.items():
			if k == "loc":
				s, e = self._loc(v)
				if s is not None or e is not None:
					sp, ex, have = s, e, True
			elif k == "range" and isinstance(v, dict):
				for rk, rv in v.items():
					s, e = self._loc(rv)
					if rk == "begin" and not have and \
					    (s is not None or e is not None):
						sp, ex, have = s, e, True
					if rk == "begin":
						beg_ex = e
					if rk == "end":
						end_sp, end_ex = s, e
			elif k == "inner":
				break
		node["_sp"], node["_ex"] = sp, ex
		node["_begin"], node["_end"] = beg_ex, end_ex
		descend = visit(node, sp, ex, parents)
		if descend is False:
			# The dumper's state still advances through the
			# subtree: walk it without visiting.
			for c in node.get("inner", ()):
				self.walk(c, lambda *a: None, ())
			return
		sub = parents + (node,)
		for c in node.get("inner", ()):
			self.walk(c, visit, sub)
