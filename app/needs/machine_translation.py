"""A LibreTranslate-compatible machine-translation service, off unless MT_URL is set.

Its text is only ever a suggestion: it is stored unapproved, and residents see it only after a
person has read it and approved it.
"""
import json
import urllib.error
import urllib.request


class MachineTranslationError(RuntimeError):
    pass


def translate(base_url: str, api_key: str, text: str, source: str, target: str, timeout: float = 15) -> str:
    if not text.strip():
        return text
    body = {"q": text, "source": source, "target": target, "format": "text"}
    if api_key:
        body["api_key"] = api_key
    request = urllib.request.Request(base_url.rstrip("/") + "/translate", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read().decode())
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        raise MachineTranslationError(str(error)) from error
    translated = answer.get("translatedText") if isinstance(answer, dict) else None
    if not isinstance(translated, str):
        raise MachineTranslationError(f"unexpected answer: {answer!r}"[:200])
    return translated
