"""The consultation: when comments open and close, how to respond, and what the
site says at each stage. Its state is worked out at build time; a scheduled
rebuild on the closing date keeps it true (see .github/workflows/deploy.yml)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import quote

from .inputs import WALES, build_date, source_date_epoch
from .model import Text

NOT_OPEN, OPEN, ANALYSING, RESPONDED = "not-open", "open", "analysing", "responded"


@dataclass(frozen=True)
class Consultation:
    opens: datetime  # Welsh local time
    closes: datetime
    email: str | None = None
    form_url: str | None = None
    postal_address: Text | None = None
    response_url: str | None = None  # the published response, once there is one

    @classmethod
    def from_options(cls, options: dict) -> Consultation:
        def moment(value) -> datetime:
            return datetime.fromisoformat(str(value)).replace(tzinfo=WALES)

        address = options.get("postal_address")
        return cls(opens=moment(options["opens"]), closes=moment(options["closes"]), email=options.get("email"),
                   form_url=options.get("form_url"), response_url=options.get("response_url"),
                   postal_address=Text(en=address["en"], cy=address["cy"]) if address else None)

    def state(self, at: datetime) -> str:
        if at < self.opens:
            return NOT_OPEN
        if at < self.closes:
            return OPEN
        return RESPONDED if self.response_url else ANALYSING


def build_moment(environ: dict[str, str] = os.environ) -> datetime:
    """The moment a build speaks as of, for everything that depends on time (scheduled
    posts, the consultation, upcoming events): STRATEGY_BUILD_DATE (a date, or a date
    and a Welsh local time), else SOURCE_DATE_EPOCH (so that a rebuild of a commit
    gives the same site), else now. Raises InvalidInput for a value that is not one."""
    if environ.get("STRATEGY_BUILD_DATE"):
        return build_date(environ["STRATEGY_BUILD_DATE"])
    if "SOURCE_DATE_EPOCH" in environ:
        return source_date_epoch(environ["SOURCE_DATE_EPOCH"])
    return datetime.now(tz=timezone.utc)


def mailto(address: str, subject: str) -> str:
    """A mailto: link with its subject percent-encoded as UTF-8 (RFC 6068), so that
    ŵ, ŷ and â arrive intact."""
    return f"mailto:{address}?subject={quote(subject, safe='')}"
