"""Does an edXML package carry an XML signature, and do the digests of what it signs match?

Only the digests are checked (XML-DSig References: the transforms enveloped-signature and
canonical XML 1.0 / exclusive, with or without comments; SHA-1/256/384/512), with lxml's
canonicalisation. The SignatureValue is not: that needs the sender's certificate and a
trusted chain (the government CA), which an offline reader does not have; signxml would
refuse to verify without them. A package is never refused for its signature: the result
is recorded ("absent", "digest_ok", "digest_mismatch", or "unchecked: <why>").
"""
from __future__ import annotations

import base64
import binascii
import copy
import hashlib

from lxml import etree

from .edxml_package import DSIG

_DIGESTS = {
    "http://www.w3.org/2000/09/xmldsig#sha1": "sha1",
    "http://www.w3.org/2001/04/xmlenc#sha256": "sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
}
ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
_C14N = {  # algorithm → (exclusive, with_comments)
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315": (False, False),
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments": (False, True),
    "http://www.w3.org/2001/10/xml-exc-c14n#": (True, False),
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments": (True, True),
}


class _Unchecked(Exception):
    """A reference this check cannot follow (an algorithm or a URI it does not know)."""


def check_signature(tree: etree._ElementTree) -> str:
    """The signature status of a parsed package (see the module's docstring)."""
    signatures = tree.getroot().findall(f".//{{{DSIG}}}Signature")
    if not signatures:
        return "absent"
    try:
        results = [_reference_matches(tree, signature, reference) for signature in signatures
                   for reference in signature.findall(f"{{{DSIG}}}SignedInfo/{{{DSIG}}}Reference")]
    except _Unchecked as reason:
        return f"unchecked: {reason}"
    if not results:
        return "unchecked: the signature has no Reference"
    return "digest_ok" if all(results) else "digest_mismatch"


def _reference_matches(tree, signature, reference) -> bool:
    method = reference.find(f"{{{DSIG}}}DigestMethod")
    algorithm = _DIGESTS.get(method.get("Algorithm") if method is not None else "")
    if algorithm is None:
        raise _Unchecked(f"digest method {method.get('Algorithm') if method is not None else 'missing'}")
    try:
        expected = base64.b64decode("".join((reference.findtext(f"{{{DSIG}}}DigestValue") or "").split()),
                                    validate=True)
    except binascii.Error:
        return False
    transforms = [t.get("Algorithm") for t in reference.findall(f"{{{DSIG}}}Transforms/{{{DSIG}}}Transform")]
    return hashlib.new(algorithm, _signed_bytes(tree, signature, reference.get("URI", ""), transforms)).digest() \
        == expected


def _signed_bytes(tree, signature, uri: str, transforms: list[str]) -> bytes:
    """The canonical bytes a Reference covers: the whole document (URI "") or the element with that Id."""
    copied = copy.deepcopy(tree)
    root = copied.getroot()
    if uri == "":
        target = root
    elif uri.startswith("#"):
        wanted = uri[1:]
        target = next((e for e in root.iter() if isinstance(e.tag, str) and wanted in
                       (e.get("Id"), e.get("ID"), e.get("id"))), None)
        if target is None:
            raise _Unchecked(f"no element with Id {wanted}")
    else:
        raise _Unchecked(f"an external reference {uri}")
    exclusive, comments = False, False  # XML-DSig's default: C14N 1.0; "" and "#id" drop comments
    for algorithm in transforms:
        if algorithm == ENVELOPED:
            twin = _same_place(root, tree.getroot(), signature)
            twin.getparent().remove(twin)
        elif algorithm in _C14N:
            exclusive, comments = _C14N[algorithm]
        else:
            raise _Unchecked(f"transform {algorithm}")
    node = copied if target is root else target
    return etree.tostring(node, method="c14n", exclusive=exclusive, with_comments=comments)


def _same_place(copied_root, original_root, element):
    """The element of the copy that stands where `element` stands in the original."""
    steps = []
    while element is not original_root:
        parent = element.getparent()
        steps.append(parent.index(element))
        element = parent
    for step in reversed(steps):
        copied_root = copied_root[step]
    return copied_root
