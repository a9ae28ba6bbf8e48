"""The OpenAPI 3.0 document of the JSON API (served at /api/v1/openapi.json)."""
from __future__ import annotations

from theodoi.domain import TASK_STATUSES


def _nullable(kind: str, **extra) -> dict:
    return {"type": kind, "nullable": True, **extra}


def _page_of(item: str) -> dict:
    return {"type": "object", "required": ["total", "page", "limit", "items"], "properties": {
        "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer", "minimum": 1},
        "limit": {"type": "integer", "minimum": 1},
        "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}}}}


_DATE = _nullable("string", format="date")
_SUMMARY = {"type": "object", "required": ["id", "number", "kind", "title", "date", "issuer", "tracked"],
            "properties": {"id": {"type": "integer"}, "number": _nullable("string"), "kind": _nullable("string"),
                           "title": _nullable("string"), "date": _DATE, "issuer": _nullable("string"),
                           "tracked": {"type": "boolean"}}}
_LINK = {"type": "object", "required": ["number", "relation", "document_id"], "properties": {
    "number": _nullable("string"), "relation": {"type": "string"}, "document_id": _nullable("integer")}}
_LINKS = {"type": "object", "required": ["cites", "cited_by"], "properties": {
    "cites": {"type": "array", "items": _LINK}, "cited_by": {"type": "array", "items": _LINK}}}
_TASK = {"type": "object", "required": ["id", "document", "text", "lead", "support", "status", "recorded_status",
                                        "overdue_days", "group", "evidence", "target_id", "removed_at",
                                        "merged_into_id"],
         "properties": {
             "id": {"type": "integer"},
             "document": {"type": "object", "required": ["id"], "properties": {
                 "id": {"type": "integer"}, "number": _nullable("string"), "kind": _nullable("string"),
                 "title": _nullable("string"), "date": _DATE, "file_name": {"type": "string"}}},
             "label": _nullable("string"), "text": {"type": "string"},
             "lead": {"type": "array", "items": {"type": "string"}},
             "lead_canonical": {"type": "array", "items": _nullable("string")},
             "owners": {"type": "array", "items": {"type": "string"}},
             "support": {"type": "array", "items": {"type": "string"}},
             "deadline": _nullable("object", properties={"text": _nullable("string"), "kind": _nullable("string"),
                                                         "due": _DATE}),
             "status": {"type": "string"}, "status_label": {"type": "string"},
             "recorded_status": {"type": "string", "enum": list(TASK_STATUSES)},
             "overdue_days": _nullable("integer"),
             "group": _nullable("string", enum=["done_on_time", "done_late", "open_in_term", "overdue", None]),
             "evidence": {"type": "array", "items": {"type": "object"}},
             "unconfirmed": _nullable("object"), "parent_task_id": _nullable("integer"),
             "children": {"type": "object", "additionalProperties": {"type": "integer"}},
             "target_id": _nullable("integer", description="chỉ tiêu mà nhiệm vụ phục vụ"),
             "removed_at": _nullable("string", description="thời điểm (UTC) nhiệm vụ bị xóa khỏi văn bản "
                                                           "hoặc gộp vào nhiệm vụ khác"),
             "merged_into_id": _nullable("integer", description="nhiệm vụ được gộp vào")}}
_ERROR = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}


def _responses(ok: str, *codes: int, status: str = "200") -> dict:
    out = {status: {"description": "thành công",
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ok}"}}}}}
    for code in codes:
        out[str(code)] = {"description": "lỗi", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Error"}}}}
    return out


def _query(name: str, kind: str = "string", **extra) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": {"type": kind, **extra}}


_PAGING = [_query("page", "integer", minimum=1, maximum=100_000), _query("limit", "integer", minimum=1, maximum=200)]
_ID = {"in": "path", "required": True, "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}


def openapi_document() -> dict:
    """The OpenAPI document."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "theodoi API", "version": "1",
                 "description": "Văn bản, nhiệm vụ, tìm kiếm, liên kết và cập nhật trạng thái. "
                                "Xác thực bằng `Authorization: Bearer <token>` (`theodoi user token TÊN`)."},
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {"DocumentSummary": _SUMMARY, "Links": _LINKS, "Task": _TASK, "Error": _ERROR,
                        "Document": {"allOf": [{"$ref": "#/components/schemas/DocumentSummary"}, {
                            "type": "object", "required": ["tasks", "links"], "properties": {
                                "place": _nullable("string"), "signer": _nullable("string"),
                                "tasks": {"type": "array", "items": {"$ref": "#/components/schemas/Task"}},
                                "links": {"$ref": "#/components/schemas/Links"}}}]},
                        "DocumentPage": _page_of("DocumentSummary"), "TaskPage": _page_of("Task"),
                        "SearchPage": {"allOf": [_page_of("SearchHit"), {"type": "object", "properties": {
                            "any_unit": {"type": "boolean"}}}]},
                        "SearchHit": {"type": "object", "required": ["score", "snippet", "partial", "document"],
                                      "properties": {"score": {"type": "number"}, "snippet": {"type": "string"},
                                                     "partial": {"type": "boolean"},
                                                     "document": {"$ref": "#/components/schemas/DocumentSummary"}}},
                        "StatusChange": {"type": "object", "required": ["status"], "properties": {
                            "status": {"type": "string", "enum": list(TASK_STATUSES)},
                            "note": _nullable("string")}},
                        "StatusEvent": {"type": "object", "required": ["id", "task_id", "status", "user", "at"],
                                        "properties": {"id": {"type": "integer"}, "task_id": {"type": "integer"},
                                                       "status": {"type": "string"}, "user": {"type": "string"},
                                                       "note": _nullable("string"), "at": {"type": "string"}}}}},
        "security": [{"token": []}, {}],
        "paths": {
            "/documents": {"get": {"summary": "Danh sách văn bản, mới nhất trước", "parameters": _PAGING,
                                   "responses": _responses("DocumentPage", 400, 401)}},
            "/documents/{document_id}": {"get": {
                "summary": "Một văn bản: thông tin, nhiệm vụ, liên kết",
                "parameters": [{"name": "document_id", **_ID}], "responses": _responses("Document", 401, 404)}},
            "/documents/{document_id}/links": {"get": {
                "summary": "Văn bản được dẫn chiếu và văn bản dẫn chiếu đến văn bản này",
                "parameters": [{"name": "document_id", **_ID}], "responses": _responses("Links", 401, 404)}},
            "/tasks": {"get": {
                "summary": "Nhiệm vụ của các văn bản đang theo dõi, lọc như bảng theo dõi",
                "parameters": _PAGING + [_query("agency"), _query("status"), _query("window"), _query("role"),
                                         _query("due_before", format="date"), _query("as_of", format="date"),
                                         _query("sort"), _query("order")],
                "responses": _responses("TaskPage", 400, 401)}},
            "/tasks/{task_id}": {"get": {"summary": "Một nhiệm vụ", "parameters": [{"name": "task_id", **_ID}],
                                         "responses": _responses("Task", 401, 404)}},
            "/tasks/{task_id}/status": {"post": {
                "summary": "Cập nhật trạng thái (cán bộ cơ quan chủ trì, quản trị viên)",
                "parameters": [{"name": "task_id", **_ID}], "security": [{"token": []}],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/StatusChange"}}}},
                "responses": _responses("StatusEvent", 400, 401, 403, 404, 409, status="201")}},
            "/search": {"get": {"summary": "Tìm văn bản (từ, \"cụm từ\", -loại trừ)",
                                "parameters": _PAGING + [_query("q")], "responses": _responses("SearchPage", 400, 401)}},
        },
    }
