#!/usr/bin/env python3
"""
locked.py [-p BUILD_DIR] [-j N] [FILES...]: every *_locked function states
the lock it needs.

Issue 3, item 5; STYLE.md's naming: a function whose name ends in _locked is
called with a lock held.  Clang's -Wthread-safety can check that only if the
function says which lock: FW_REQUIRES(...) (fw/types.h), i.e. the
requires_capability attribute.  For every C file of framework/ and services/
(or FILES) this parses the file with clang, as its build compiles it, and
checks each FunctionDecl whose name ends in "_locked": it must carry a
RequiresCapabilityAttr, its own or inherited from an earlier declaration.
So the first declaration, the one callers see, must be annotated; a
definition after an annotated prototype inherits it.  Likewise the lock API
of framework/include/fw: fw_*_lock() needs FW_ACQUIRES, fw_*_unlock()
FW_RELEASES and fw_*_trylock() FW_TRY_ACQUIRES.  FW_NO_TSA alone does
not count: it turns the analysis off inside the function, while callers
still need to be told what to hold.

Compile flags come from BUILD_DIR/compile_commands.json (default: the first
of build/clang, build/debug, build/release, build/valgrind that has one);
a file it does not list is parsed with the services' flags, plus -I of the
file's own directory.  Prints "file:line:col: locked: message" per function
(each place once) and exits 1 if there is any.
"""
import argparse
import json
import os
import re
import shlex
import sys
from concurrent.futures import ProcessPoolExecutor

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import clangast  # noqa: E402

ROOT = clangast.ROOT
DIRS = ("framework", "services")
DEFAULT_BUILDS = ("clang", "debug", "release", "valgrind")
FWINC = os.path.join(ROOT, "framework", "include", "fw") + os.sep
# The lock API of framework/include/fw: fw_spin_lock(), fw_mutex_trylock(), ...
LOCK_API = re.compile(r"^fw_[a-z0-9_]*_(lock|unlock|trylock)$")
LOCK_ATTR = {"lock": "AcquireCapabilityAttr",
    "unlock": "ReleaseCapabilityAttr", "trylock": "TryAcquireCapabilityAttr"}
LOCK_MACRO = {"AcquireCapabilityAttr": "FW_ACQUIRES(...)",
    "ReleaseCapabilityAttr": "FW_RELEASES(...)",
    "TryAcquireCapabilityAttr": "FW_TRY_ACQUIRES(...)"}


def find_db(arg):
	if arg:
		p = arg if arg.endswith(".json") else \
		    os.path.join(arg, "compile_commands.json")
		if not os.path.isfile(p):
			raise SystemExit("locked: no %s" % p)
		return p
	for b in DEFAULT_BUILDS:
		p = os.path.join(ROOT, "build", b, "compile_commands.json")
		if os.path.isfile(p):
			return p
	return None


def front_end_flags(args):
	"""The flags of a compile command that matter to the parser."""
	out = []
	it = iter(args[1:])
	for a in it:
		if a in ("-o", "-MF", "-MT", "-MQ"):
			next(it, None)
		elif a in ("-c", "-MD", "-MMD", "-MP") or a.startswith("-W") \
		    or a.startswith("-fsanitize") or a.startswith("-O") \
		    or a == "-g" or a.endswith(".c"):
			continue
		elif a == "-isystem":
			d = next(it, "")
			# gcc's freestanding headers: clang has its own.
			if "/gcc/" in d:
				d = clangast.resource_include()
			out += ["-isystem", d]
		else:
			out.append(a)
	return out


def load_db(path):
	"""{realpath of a C file: its flags}, framework/ and services/ only."""
	db = {}
	if path is None:
		return db
	with open(path) as f:
		for e in json.load(f):
			args = e.get("arguments") or shlex.split(e["command"])
			src = os.path.realpath(os.path.join(e["directory"], e["file"]))
			# A file compiled twice (an instrumented copy) keeps its
			# first, plain command.
			db.setdefault(src, front_end_flags(args))
	return db


def check_file(job):
	"""[(file, line, col, message)] for one C file."""
	path, flags = job
	ast, err, rc = clangast.ast_dump(path, flags)
	if ast is None or rc != 0:
		return [(path, 1, 1, "clang cannot parse it: %s" %
		    (err.strip().splitlines() or ["exit %d" % rc])[-1])], set()
	found = []
	seen = set()

	def visit(node, sp, ex, parents):
		if node.get("kind") != "FunctionDecl":
			return True
		name = node.get("name", "")
		api = LOCK_API.search(name)
		if not name.endswith("_locked") and not api:
			return False
		p = ex or sp
		if p is None or p.file is None:
			return False
		f = os.path.realpath(p.file)
		if f.startswith(ROOT + os.sep):
			seen.add(name)
		attrs = [c.get("kind") for c in node.get("inner", ())]
		if api:
			need = LOCK_ATTR[api.group(1)]
			if f.startswith(FWINC) and need not in attrs:
				found.append((f, p.line, p.col, "lock API %s() has "
				    "no %s" % (name, LOCK_MACRO[need])))
			return False
		if "RequiresCapabilityAttr" in attrs:
			return False
		if not f.startswith(ROOT + os.sep):
			return False
		why = " (FW_NO_TSA is not enough: callers must know the " \
		    "lock)" if "NoThreadSafetyAnalysisAttr" in attrs else ""
		found.append((f, p.line, p.col, "%s() has no FW_REQUIRES(...)%s"
		    % (name, why)))
		return False

	clangast.Walker().walk(ast, visit)
	return found, seen


def main(argv):
	ap = argparse.ArgumentParser(prog="locked.py", description=
	    "Every *_locked function carries FW_REQUIRES (docs/boundary.md).")
	ap.add_argument("files", nargs="*")
	ap.add_argument("-p", dest="build", help="build directory or "
	    "compile_commands.json")
	ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count())
	a = ap.parse_args(argv)

	db = load_db(find_db(a.build))
	if a.files:
		files = [os.path.realpath(f) for f in a.files]
	else:
		files = sorted(f for f in db if f.endswith(".c") and any(f.startswith(
		    os.path.join(ROOT, d) + os.sep) for d in DIRS))
		if not files:
			for d in DIRS:
				for dp, _, fs in os.walk(os.path.join(ROOT, d)):
					files += [os.path.join(dp, f) for f in fs
					    if f.endswith(".c")]
			files.sort()
	jobs = []
	for f in files:
		flags = db.get(f)
		if flags is None:
			flags = clangast.services_flags([os.path.dirname(f)])
		jobs.append((f, flags))

	found = set()
	seen = set()
	with ProcessPoolExecutor(max_workers=max(1, a.jobs)) as ex:
		for res, names in ex.map(check_file, jobs):
			found.update(res)
			seen.update(names)
	for f, line, col, msg in sorted(found):
		rel = os.path.relpath(f, ROOT)
		print("%s:%d:%d: locked: %s" % (rel, line, col, msg))
	print("locked: %d violation%s; %d *_locked and lock API functions in "
	    "%d files" % (len(found), "" if len(found) == 1 else "s",
	    len(seen), len(files)))
	return 1 if found else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
