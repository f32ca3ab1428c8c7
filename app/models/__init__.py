"""The database models, one module per aggregate."""
from app.models.access import AccessCode, EmailIdentity, EmailLink
from app.models.application import (ApplicationCall, EligibilityAnswer, EligibilityQuestion,
                                    EligibilityQuestionTranslation)
from app.models.audit import AuditEntry
from app.models.ballot import Ballot, BallotKind, Channel, Participation, ReplacedReceipt
from app.models.challenge import Challenge
from app.models.comment import Comment, CommentStatus, CommentTranslation
from app.models.content_version import ContentVersion, RoundVersion
from app.models.need import Need, NeedEvidence, NeedRevision, NeedStatus, NeedTranslation, Support
from app.models.organisation import GrantShare, NeedCarry, NeedLink, Organisation, Pledge, Ward
from app.models.panel import Application, Conflict, GrantDecision, GrantUpdate, PanelScore
from app.models.paper import (PaperAccount, PaperAudit, PaperBallot, PaperBatch, PaperCheck, PaperEntry,
                              PaperResolution)
from app.models.participant import Participant
from app.models.report import Report, ReportReason
from app.models.round import Access, Round
from app.models import support_count  # noqa: F401  (keeps Need.support counted)
from app.models.rubric import Criterion, DecisionVote, NoConflict, PanelMark, PanelSettings, RecipientLocation
from app.models.user import Role, StaffRole, User
from app.models.workshop import WorkshopAttendance, WorkshopDots, WorkshopSession

__all__ = [
    "AccessCode", "GrantShare", "NeedCarry", "NeedLink", "Organisation", "Pledge", "Ward", "Application", "Challenge", "Conflict", "GrantDecision", "GrantUpdate", "PanelScore", "Criterion", "DecisionVote", "NoConflict", "PanelMark", "PanelSettings", "RecipientLocation", "AuditEntry", "EmailIdentity", "EmailLink", "Ballot", "BallotKind", "Participation", "ReplacedReceipt", "Comment", "CommentStatus", "CommentTranslation", "ContentVersion", "RoundVersion", "Need", "NeedEvidence", "NeedRevision", "NeedStatus", "NeedTranslation", "Participant",
    "Access", "Report", "ReportReason", "Role", "Round", "StaffRole", "Support", "User",
    "WorkshopAttendance", "WorkshopDots", "WorkshopSession", "Channel", "PaperAccount", "PaperAudit", "PaperBallot",
    "PaperBatch", "PaperCheck", "PaperEntry", "PaperResolution", "ApplicationCall", "EligibilityAnswer",
    "EligibilityQuestion", "EligibilityQuestionTranslation",
]
