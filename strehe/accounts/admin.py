from typing import Any

from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget, UserChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_access import ReferenceDataPermissions, RolePermissionMixin
from .models import Agency, RoleChangeRequest, User
from .roles import Permission
from .services import (
    SELF_PROTECTED_FIELDS,
    login_unlock_attempts,
    login_unlock_users,
    role_change_approve,
    role_change_reject,
    two_factor_reset,
    user_create,
    user_logout_everywhere,
    user_password_reset_recorded,
    user_update,
)


class StreheAdminSite(OTPAdminSite):
    """The admin site: a verified second factor, and a role that manages users or reference data.

    Case contents are not registered here at all: administrators never see them.
    """

    def has_permission(self, request: HttpRequest) -> bool:
        user: Any = request.user
        manages = user.is_authenticated and (
            user.is_superuser
            or user.has_role_permission(Permission.MANAGE_USERS)
            or user.has_role_permission(Permission.MANAGE_REFERENCE_DATA)
        )
        return bool(manages) and super().has_permission(request)


admin.site.__class__ = StreheAdminSite


class PasswordSetWidget(ReadOnlyPasswordHashWidget):
    """Says whether a password is set and how it is hashed, without any of the hash or salt that
    Django's widget shows in part: nothing of a credential appears in the admin."""

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        # The first line is the hasher's name ("algorithm": every Django hasher lists it
        # first) or "No password set."; the salt and hash lines that follow are left out.
        context["summary"] = context["summary"][:1]
        return context


class StaffUserChangeForm(UserChangeForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].widget = PasswordSetWidget()


@admin.register(User)
class UserAdmin(RolePermissionMixin, DjangoUserAdmin):
    """Staff accounts. Every save goes through strehe.accounts.services (user_create,
    user_update), which refuses changes to one's own access and holds personal-data roles for a
    second administrator's approval; the form only mirrors those rules."""

    role_permission = Permission.MANAGE_USERS
    form = StaffUserChangeForm
    list_display = ("username", "first_name", "last_name", "role", "agency", "is_active")
    list_filter = ("role", "agency", "is_active")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        (_("Role and agency"), {"fields": ("role", "agency", "pending_role_request")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Role and agency"), {"fields": ("role", "agency")}),
    )
    readonly_fields = ("pending_role_request",)

    actions = ["end_all_sessions", "unlock_login"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Accounts are deactivated, never deleted: the audit trail keeps naming them.
        return False

    @admin.display(description=_("waiting for approval"))
    def pending_role_request(self, obj: Any) -> str:
        pending = obj.role_change_requests.filter(decision=RoleChangeRequest.Decision.PENDING)
        change = pending.select_related("agency__organisation", "requested_by").first()
        if change is None:
            return "-"
        return gettext("%(role)s in %(agency)s, asked by %(by)s") % {
            "role": change.get_role_display(),
            "agency": change.agency or "-",
            "by": change.requested_by,
        }

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is None:
            return readonly
        if obj.pk == request.user.pk:
            readonly += sorted(SELF_PROTECTED_FIELDS)
        elif not obj.is_superuser:
            # Superuser status is only given on the server (strehe createsuperuser); here it
            # can only be taken away.
            readonly.append("is_superuser")
        return readonly

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # The read-only fields are not in the form, so Django would silently drop them from a
        # crafted POST; refuse it outright instead, so such an attempt is never a success.
        if (
            request.method == "POST"
            and object_id is not None
            and str(object_id) == str(request.user.pk)
            and SELF_PROTECTED_FIELDS & request.POST.keys()
        ):
            raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("End all sessions of the selected users"))
    def end_all_sessions(self, request: HttpRequest, queryset: Any) -> None:
        """For a lost phone or a shared password: the users must log in again everywhere."""
        for user in queryset:
            user_logout_everywhere(user=user, actor=request.user)  # type: ignore[arg-type]

    @admin.action(description=_("Unlock login of the selected users (from every address)"))
    def unlock_login(self, request: HttpRequest, queryset: Any) -> None:
        """After a lock by too many failed logins: the users may try again at once."""
        removed = login_unlock_users(actor=request.user, users=queryset)  # type: ignore[arg-type]
        self.message_user(
            request,
            _("Login unlocked; %(count)d failed attempts cleared.") % {"count": removed},
            messages.SUCCESS,
        )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # The admin's change view runs in one transaction, so the entries commit with the change.
        actor: Any = request.user
        try:
            if change:
                changes = {name: form.cleaned_data[name] for name in form.changed_data}
                pending = user_update(
                    actor=actor,
                    user=User.objects.get(pk=obj.pk),
                    changes=changes,
                )
            else:
                pending = user_create(actor=actor, user=obj, fields=list(form.changed_data))
        except ValidationError as error:
            # Checked by the form already (model constraint); a refusal here is a bug or a race.
            raise PermissionDenied(error) from error
        if pending is not None:
            self.message_user(
                request,
                _(
                    "The role %(role)s waits for a second administrator's approval; until then "
                    "the user keeps their current role and agency."
                )
                % {"role": pending.get_role_display()},
                messages.WARNING,
            )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # Groups and permissions were saved by user_update (save_model); only inlines remain.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """Django's password form, recorded: when it stored a new password, the change is audited
        and the user's sessions end (user_password_reset_recorded), in the same transaction."""
        with transaction.atomic():
            before = User.objects.filter(pk=id).values_list("password", flat=True).first()
            response = super().user_change_password(request, id, form_url)
            user = User.objects.filter(pk=id).first()
            if user is not None and before is not None and user.password != before:
                user_password_reset_recorded(actor=request.user, user=user)  # type: ignore[arg-type]
                if user.pk == request.user.pk:
                    update_session_auth_hash(request, user)
        return response


@admin.register(RoleChangeRequest)
class RoleChangeRequestAdmin(RolePermissionMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """The two-person rule's waiting room: a second administrator approves or rejects."""

    role_permission = Permission.MANAGE_USERS
    list_display = (
        "user",
        "previous_role",
        "role",
        "agency",
        "requested_by",
        "requested_at",
        "decision",
        "decided_by",
        "decided_at",
    )
    list_filter = ("decision",)
    list_select_related = ("user", "agency__organisation", "requested_by", "decided_by")
    readonly_fields = list_display
    actions = ["approve", "reject"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # requests are made by changing a user

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # decided by the actions, never edited

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the record of who asked and who agreed

    def _decide(self, request: HttpRequest, queryset: Any, decide: Any, done: Any) -> None:
        for change in queryset:
            try:
                decide(actor=request.user, change=change)
            except (PermissionDenied, ValidationError) as error:
                reason = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{change}: {reason}", messages.ERROR)
            else:
                self.message_user(request, done % {"request": change}, messages.SUCCESS)

    @admin.action(description=_("Approve the selected requests"))
    def approve(self, request: HttpRequest, queryset: Any) -> None:
        self._decide(request, queryset, role_change_approve, _("Approved: %(request)s"))

    @admin.action(description=_("Reject the selected requests"))
    def reject(self, request: HttpRequest, queryset: Any) -> None:
        self._decide(request, queryset, role_change_reject, _("Rejected: %(request)s"))


# django-otp's own admin pages show each device's secret key (and a QR code of it) and every
# recovery code. Ours show only whose device it is and when it was used, and allow one thing:
# deleting a lost device, which resets that user's second factor (audited).
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


class DeviceAdmin(RolePermissionMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    role_permission = Permission.MANAGE_USERS
    list_display = fields = readonly_fields = (
        "user",
        "name",
        "confirmed",
        "created_at",
        "last_used_at",
    )
    list_select_related = ("user",)
    search_fields = ("user__username",)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a user sets up their own device at login

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> Any:
        # Django's confirmation page lists related rows by their text; a recovery code's text is
        # the code itself. Name only the devices.
        to_delete = [str(obj) for obj in objs]
        return to_delete, {self.opts.verbose_name_plural: len(to_delete)}, set(), []

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        two_factor_reset(actor=request.user, device=obj)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for device in queryset:
            two_factor_reset(actor=request.user, device=device)  # type: ignore[arg-type]


admin.site.register(TOTPDevice, DeviceAdmin)
admin.site.register(StaticDevice, DeviceAdmin)


@admin.register(Agency)
class AgencyAdmin(ReferenceDataPermissions, admin.ModelAdmin):
    list_display = ("organisation", "is_active")
    list_select_related = ("organisation",)


@admin.register(AccessAttempt)
class LoginAttemptAdmin(RolePermissionMixin, admin.ModelAdmin):
    """Failed logins that count towards a lock (django-axes), for whoever manages users.

    Read-only: the one thing to do here is unlock, which removes the attempts and is audited.
    """

    role_permission = Permission.MANAGE_USERS
    list_display = ("username", "ip_address", "failures_since_start", "attempt_time")
    list_filter = ("attempt_time",)
    search_fields = ("username", "ip_address")
    ordering = ("-attempt_time",)
    fields = ("username", "ip_address", "user_agent", "failures_since_start", "attempt_time")
    readonly_fields = fields
    actions = ["unlock"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Not Django's unaudited "delete selected": the unlock action below removes and audits.
        return False

    @admin.action(description=_("Unlock: clear the selected failed attempts"))
    def unlock(self, request: HttpRequest, queryset: Any) -> None:
        removed = login_unlock_attempts(actor=request.user, attempts=queryset)  # type: ignore[arg-type]
        self.message_user(
            request,
            _("Login unlocked; %(count)d failed attempts cleared.") % {"count": removed},
            messages.SUCCESS,
        )
