from django.conf import settings


def site(request):
    """Council branding and the service's name, for the base layout."""
    return {
        "council_name": settings.COUNCIL_NAME,
        "service_name": settings.SERVICE_NAME,
        "council_logo_url": settings.COUNCIL_LOGO_URL,
        "service_phase": settings.SERVICE_PHASE,
        "feedback_email": settings.FEEDBACK_EMAIL,
    }
