"""package.py — what the docx checks share: the zip and the XML of its parts as Word reads
them (Word refuses a document whose part is not well-formed).
"""
import sys
import zipfile
import xml.dom.minidom


def broken_parts(path):
    """The problems of the .docx at path: a damaged zip member, a part that is not
    well-formed XML; an empty list when there is none."""
    out = []
    with zipfile.ZipFile(path) as z:
        if z.testzip() is not None:
            out.append("a part of the zip is damaged")
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    xml.dom.minidom.parseString(z.read(name))
                except Exception as e:  # noqa: BLE001 — any parse error is a failure
                    out.append("%s is not well-formed XML: %s" % (name, e))
    return out


class Checks:
    """The failed checks of a script: check(ok, what) records what when not ok; start(path)
    records the problems of the package at path first; done() prints them and exits 1, or
    prints "ok"."""

    def __init__(self):
        self.failures = []

    def __call__(self, ok, what):
        if not ok:
            self.failures.append(what)

    def start(self, path):
        self.failures.extend(broken_parts(path))

    def done(self):
        if self.failures:
            print("\n".join(self.failures))
            sys.exit(1)
        print("ok")
