"""The categories a need can belong to (codes; app/labels.py names them)."""
CATEGORIES: tuple[str, ...] = (
    "housing", "streets", "transport", "green-spaces", "safety", "health",
    "children-young-people", "older-people", "community-spaces", "environment",
    "work-skills", "culture", "other",
)

CONTENT_LANGUAGES: tuple[str, ...] = (
    "en", "ar", "bn", "pl", "ur", "so", "tr", "pt", "es", "ro",
    "fr", "it", "lt", "pa", "gu", "ta", "zh", "yo", "tw", "fa",
)
