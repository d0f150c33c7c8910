"""Advice on plain writing while someone types. Advises only: nothing is saved or blocked."""

import json

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from ..plain_language import MAX_TEXT, TARGET_READING_AGE, advise


@login_required
@require_POST
def plain_language_advice(request):
    """POST {"text": "..."} -> reading age and flags (jargon, long sentences)."""
    try:
        text = json.loads(request.body or b"{}").get("text", "")
    except (ValueError, AttributeError):
        return JsonResponse({"error": 'Send JSON like {"text": "..."}'}, status=400)
    if not isinstance(text, str):
        return JsonResponse({"error": "text must be a string"}, status=400)
    if len(text) > MAX_TEXT:
        return JsonResponse({"error": f"Send {MAX_TEXT} characters or fewer"}, status=400)
    advice = advise(text)
    return JsonResponse(
        {
            "reading_age": advice.reading_age,
            "target_reading_age": TARGET_READING_AGE,
            "is_plain": advice.is_plain,
            "flags": [
                {
                    "kind": f.kind,
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "suggestions": list(f.suggestions),
                    "message": f.message,
                }
                for f in advice.flags
            ],
        }
    )
