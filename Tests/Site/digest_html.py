#!/usr/bin/env python3
"""Writes the text/html part of a built site's digest (email/latest.eml: quoted-printable inside
multipart/alternative), decoded, to a file, so browsers and checkers can open it as a page.
Usage: digest_html.py SITE_DIR OUT.html"""
import email
import email.policy
import os
import sys


def digest_html(site, out_path):
    with open(os.path.join(site, "email", "latest.eml"), "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    part = message.get_body(preferencelist=("html",))
    if part is None:
        raise SystemExit(f"{site}/email/latest.eml: no text/html part")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(part.get_content())
    return out_path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    digest_html(sys.argv[1], sys.argv[2])
