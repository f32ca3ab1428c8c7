"""Paper ballots as election offices count them, in plain Python: two blind entries per ballot, a
supervisor where they differ, corrections that supersede, the batch's ballot paper account, and the
sample audit drawn from a published seed.

Two words are kept apart, as at a count: a *spoilt* paper was spoilt by the voter at the desk and swapped
for a fresh one, so it never reached the box (the account counts it); a *rejected* paper came out of the
box but cannot be counted (it is keyed, with its reason). So issued = returned + spoilt + unused, and
returned = counted + rejected + the papers still being keyed or in dispute."""
import hashlib
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class RejectedReason(StrEnum):
    """Why a paper from the box cannot be counted."""
    UNMARKED = "unmarked"
    UNCLEAR = "unclear"
    TOO_MANY = "too-many"
    IDENTIFIES = "identifies"  # a mark that could identify the voter


class PaperState(StrEnum):
    UNKEYED = "unkeyed"
    KEYED_ONCE = "keyed-once"  # waiting for the second operator
    AGREED = "agreed"
    DISPUTED = "disputed"  # the two entries differ: a supervisor decides against the paper
    RESOLVED = "resolved"


class Difference(StrEnum):
    NO_ACCOUNT = "no-account"
    UNACCOUNTED = "unaccounted"  # issued != returned + spoilt + unused
    KEYED = "keyed"  # returned != counted + rejected + keyed once + in dispute
    DISPUTES = "disputes"
    WAITING = "waiting"  # ballots keyed by one operator only


@dataclass(frozen=True)
class Record:
    """An operator's entry or a supervisor's decision: what the paper says (`content`, the stored ballot's
    text) or why it is rejected. A correction is a new record naming the one it `supersedes`."""
    id: int
    author: int | None
    content: str = ""
    rejected: RejectedReason | None = None
    supersedes: int | None = None

    def reads_as(self, other: "Record") -> bool:
        if self.rejected or other.rejected:
            return bool(self.rejected) and bool(other.rejected)
        return self.content == other.content


def current(records: Iterable[Record]) -> list[Record]:
    """The records no later record supersedes, oldest first."""
    records = list(records)
    replaced = {r.supersedes for r in records if r.supersedes is not None}
    return sorted((r for r in records if r.id not in replaced), key=lambda r: r.id)


@dataclass(frozen=True)
class Verdict:
    state: PaperState
    record: Record | None = None  # what counts, once reconciled

    @property
    def reconciled(self) -> bool:
        return self.state in (PaperState.AGREED, PaperState.RESOLVED)

    @property
    def counted_content(self) -> str | None:
        """The ballot this paper adds to the tally: None unless reconciled and not rejected."""
        if self.reconciled and self.record is not None and not self.record.rejected:
            return self.record.content
        return None

    @property
    def rejected(self) -> bool:
        """Reconciled as a paper from the box that cannot be counted."""
        return self.reconciled and self.record is not None and self.record.rejected is not None


def verdict(entries: Iterable[Record], resolutions: Iterable[Record] = ()) -> Verdict:
    """What a paper ballot stands at: a supervisor's decision, when there is one, settles it; otherwise
    the first two operators' current entries must read the same."""
    decided = current(resolutions)
    if decided:
        return Verdict(PaperState.RESOLVED, decided[-1])
    keyed = first_two(entries)
    if not keyed:
        return Verdict(PaperState.UNKEYED)
    if len(keyed) == 1:
        return Verdict(PaperState.KEYED_ONCE)
    first, second = keyed
    return Verdict(PaperState.AGREED, first) if first.reads_as(second) else Verdict(PaperState.DISPUTED)


def first_two(entries: Iterable[Record]) -> list[Record]:
    """Each operator's latest entry, for the first two operators who keyed the ballot."""
    entries = list(entries)
    latest: dict[int | None, Record] = {}
    for record in current(entries):
        latest[record.author] = record
    return sorted(latest.values(), key=lambda r: _first_entry(entries, r.author))[:2]


def _first_entry(entries: Iterable[Record], author: int | None) -> int:
    return min(r.id for r in entries if r.author == author)


@dataclass(frozen=True)
class Account:
    """A batch's ballot paper account, as the desk counted it. `spoilt`: papers spoilt at the desk and
    replaced, which never reached the box."""
    issued: int
    returned: int
    spoilt: int
    unused: int


@dataclass(frozen=True)
class BatchCount:
    account: Account | None
    keyed: int  # reconciled ballots that count
    in_dispute: int
    waiting: int
    rejected: int = 0  # reconciled papers from the box that cannot be counted

    @property
    def differences(self) -> list[tuple[Difference, int]]:
        """Each thing that does not add up, with by how much (or how many)."""
        found = []
        if self.account is None:
            found.append((Difference.NO_ACCOUNT, 0))
        else:
            a = self.account
            if a.issued != a.returned + a.spoilt + a.unused:
                found.append((Difference.UNACCOUNTED, a.issued - (a.returned + a.spoilt + a.unused)))
            keyed = self.keyed + self.rejected + self.in_dispute + self.waiting
            if keyed != a.returned:
                found.append((Difference.KEYED, a.returned - keyed))
        if self.in_dispute:
            found.append((Difference.DISPUTES, self.in_dispute))
        if self.waiting:
            found.append((Difference.WAITING, self.waiting))
        return found

    @property
    def balanced(self) -> bool:
        return not self.differences


def count_batch(account: Account | None, verdicts: Iterable[Verdict]) -> BatchCount:
    verdicts = list(verdicts)
    return BatchCount(
        account, keyed=sum(1 for v in verdicts if v.counted_content is not None),
        in_dispute=sum(1 for v in verdicts if v.state == PaperState.DISPUTED),
        waiting=sum(1 for v in verdicts if v.state == PaperState.KEYED_ONCE),
        rejected=sum(1 for v in verdicts if v.rejected))


def keying_open(ranking_closes: date | None, grace_days: int, today: date, phase_allows: bool) -> bool:
    """Keying runs while the phase allows it, and stops `grace_days` after ranking closed."""
    if not phase_allows:
        return False
    return ranking_closes is None or today <= ranking_closes + timedelta(days=grace_days)


def draw_sample(seed: str, serials: Iterable[str], size: int) -> list[str]:
    """The serials to check against the paper: anyone holding the published seed and the list of
    keyed serials draws the same ones (Python's Mersenne Twister, seeded by SHA-256 of the seed)."""
    ordered = sorted(set(serials))
    generator = random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest(), "big"))
    return sorted(generator.sample(ordered, min(max(size, 0), len(ordered))))


@dataclass(frozen=True)
class AuditResult:
    seed: str
    sampled: int
    checked: int
    matched: int


def audit_result(seed: str, sample: Sequence[str], checks: dict[str, bool]) -> AuditResult:
    """`checks` holds each checked serial's current answer: does the paper match the record?"""
    answered = [checks[s] for s in sample if s in checks]
    return AuditResult(seed, len(sample), len(answered), sum(answered))
