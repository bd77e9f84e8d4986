"""Signs requests with Alibaba's own SDK (aliyun-python-sdk-core, roa_signature_composer) and compares the
result with what `stackc sign --format json` printed for the same request.

Usage: aliyun_roa_sign.py CASES.json
CASES.json is a list of {name, method, path, query: [[key, value|null]], headers: [[name, value]],
body: base64|null, date: str|null, accessKeyId, accessKeySecret, stackc: {stringToSign, signature,
authorization, headers}}. Prints one line per case ("agree NAME" or "DISAGREE NAME: what differs") and
"agreed N of M"; exits 1 when any case disagrees.

What comes from the SDK, untouched: the header defaults (`refresh_sign_parameters` with format JSON),
Content-MD5 (`parameter_helper.md5_sum`, as `RoaRequest.get_signed_header` computes it), the
string-to-sign, the HMAC-SHA1 signature and the Authorization header (`get_signature_headers`).
One policy differs on purpose (README, "stackc sign"): the SDK overwrites Date, Accept and
x-acs-signature-* even when the caller set them, stackc keeps the caller's values. So the SDK's refresh
runs as is and then the caller's values for those names are put back, before the SDK signs.
"""
import base64
import json
import sys
import time

from aliyunsdkcore.auth.composer import roa_signature_composer as composer
from aliyunsdkcore.http import format_type
from aliyunsdkcore.utils import parameter_helper as helper

sdk_refresh = composer.refresh_sign_parameters
SDK_REFRESHED = ("Date", "Accept", "x-acs-signature-method", "x-acs-signature-version")


def refresh_keeping_caller_values(parameters, format=format_type.RAW):
    caller = {name: parameters[name] for name in SDK_REFRESHED if name in parameters}
    refreshed = sdk_refresh(parameters, format=format)
    refreshed.update(caller)
    return refreshed


composer.refresh_sign_parameters = refresh_keeping_caller_values


def sdk_sign(case, date):
    headers = dict(case["headers"])
    if case["body"] is not None and "Content-MD5" not in headers:
        headers["Content-MD5"] = helper.md5_sum(base64.b64decode(case["body"]))
    helper.get_rfc_2616_date = lambda: date
    queries = {key: value for key, value in case["query"]}
    signed, string_to_sign = composer.get_signature_headers(
        queries, case["accessKeyId"], case["accessKeySecret"], format_type.JSON,
        headers, case["path"], None, case["method"])
    authorization = signed.pop("Authorization")
    return {"stringToSign": string_to_sign, "signature": authorization.split(":", 1)[1],
            "authorization": authorization, "headers": signed}


def date_problem(stackc_date, case_date):
    """stackc's Date must be the given one, or now in the SDK's own format."""
    if case_date is not None:
        return None if stackc_date == case_date else "Date %r is not the given %r" % (stackc_date, case_date)
    try:
        parsed = time.strptime(stackc_date, helper.FORMAT_RFC_2616)
    except ValueError:
        return "Date %r is not in the SDK's format %r" % (stackc_date, helper.FORMAT_RFC_2616)
    skew = abs(time.mktime(parsed) - time.mktime(time.gmtime()))
    return None if skew < 600 else "Date %r is %d s away from now" % (stackc_date, skew)


def compare(case):
    stackc = case["stackc"]
    problem = date_problem(stackc["headers"].get("Date", ""), case["date"])
    if problem:
        return problem
    expected = sdk_sign(case, stackc["headers"]["Date"])
    for field in ("stringToSign", "signature", "authorization", "headers"):
        if stackc[field] != expected[field]:
            return "%s: stackc %r, SDK %r" % (field, stackc[field], expected[field])
    return None


def main():
    cases = json.load(open(sys.argv[1], encoding="utf-8"))
    agreed = 0
    for case in cases:
        problem = compare(case)
        if problem is None:
            agreed += 1
            print("agree", case["name"])
        else:
            print("DISAGREE", case["name"] + ":", problem)
    print("agreed %d of %d" % (agreed, len(cases)))
    sys.exit(0 if agreed == len(cases) else 1)


main()
