-- A tenant's guests, newest enrolment first (GET /api/v1/guests).
CREATE INDEX guest_workflows_by_enrolment ON guest_workflows (tenant_id, enrolled_at DESC, guest_id);
