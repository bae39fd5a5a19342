from typing import Any

from ninja import Router, Status

from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import personal_operation
from cocreate.privacy.erase import account_erase
from cocreate.privacy.export import personal_data
from cocreate.privacy.schemas import EraseIn

router = Router(tags=["Me"])


@router.get("/me/export", response=dict[str, Any])
@personal_operation
def export_my_data(request: AuthedRequest) -> dict[str, Any]:
    """Everything Cocreate holds about you."""
    return personal_data(request.user)


@router.post("/me/erase", response={204: None})
@personal_operation
def erase_my_account(request: AuthedRequest, payload: EraseIn) -> Status[None]:
    """Delete your account: personal data is erased, contributions stay anonymous."""
    account_erase(user=request.user, confirmation=payload.confirm)
    return Status(204, None)
