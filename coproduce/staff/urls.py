from django.urls import path

from .views import audit, tokens, two_factor

app_name = "staff"

urlpatterns = [
    path("audit-log/", audit.audit_log, name="audit_log"),
    path("audit-log.csv", audit.audit_log_csv, name="audit_log_csv"),
    path("two-factor/set-up/", two_factor.two_factor_setup, name="two_factor_setup"),
    path("two-factor/", two_factor.two_factor_verify, name="two_factor_verify"),
    path("api-tokens/", tokens.api_tokens, name="api_tokens"),
    path("api-tokens/<int:pk>/revoke/", tokens.api_token_revoke, name="api_token_revoke"),
    path("two-factor/recovery-codes/", two_factor.recovery_codes_new, name="recovery_codes_new"),
]
