from django.db.models import Max

from .models import JobRun


def latest_runs() -> dict[str, JobRun]:
    """Each job's most recent run, by job name."""
    latest = JobRun.objects.values("job").annotate(slot=Max("slot"))
    wanted = {(row["job"], row["slot"]) for row in latest}
    runs = JobRun.objects.filter(slot__in={slot for _, slot in wanted})
    return {run.job: run for run in runs if (run.job, run.slot) in wanted}
