"""Errors the core raises, with their message in Vietnamese and English.

A service never prints: it raises ``Kt1Error`` with a message code, the field
it concerns and the values the message needs. The command line and the window
turn it into text in the user's language with ``.text(lang)``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Vietnamese, English)
    "required": ("{label}: bắt buộc phải nhập.", "{label}: required."),
    "kind": ("Loại bưu gửi phải là thư, gói hoặc kiện (thu, goi, kien).",
             "Kind must be thư, gói or kiện (thu, goi, kien)."),
    "weight_not_number": ("Khối lượng phải là một số lớn hơn 0, tính bằng gam hoặc kg, ví dụ 250 hoặc 1,5 kg (bạn nhập «{value}»).",
                          "Weight must be a number above 0, in grams or kg, e.g. 250 or 1.5 kg (you typed “{value}”)."),
    "weight_range": ("Khối lượng phải lớn hơn 0 và không quá {max} g.",
                     "Weight must be above 0 g and at most {max} g."),
    "pieces": ("Số kiện phải là số nguyên từ 1 đến {max}.", "Pieces must be a whole number from 1 to {max}."),
    "unknown_agency": ("{label}: không có cơ quan mã «{code}» trong danh bạ.",
                       "{label}: no agency with code “{code}” in the directory."),
    "agency_inactive": ("{label}: cơ quan «{code}» đã ngừng hoạt động từ {date}{successor}.",
                        "{label}: agency “{code}” ceased on {date}{successor}."),
    "same_agency": ("Cơ quan gửi và cơ quan nhận không được trùng nhau.",
                    "Sender and recipient must be different agencies."),
    "secrecy": ("Độ mật phải là A, B hoặc C (hoặc để trống).", "Secrecy must be A, B or C (or empty)."),
    "seal_broken": ("Bưu gửi mật {secrecy} có niêm phong không nguyên vẹn: từ chối nhận, đã ghi nhận việc từ chối.",
                    "Secret item {secrecy} with a broken seal: refused, and the refusal has been recorded."),
    "seal_broken_row": ("Bưu gửi mật {secrecy} có niêm phong không nguyên vẹn không được nhận gửi.",
                        "A secret item {secrecy} with a broken seal cannot be accepted."),
    "bad_datetime": ("{label}: thời gian «{value}» không hợp lệ; nhập dạng 29/11/2026 14:05 hoặc 2026-11-29 14:05.",
                     "{label}: “{value}” is not a valid time; type 29/11/2026 14:05 or 2026-11-29 14:05."),
    "bad_date": ("{label}: ngày «{value}» không hợp lệ; nhập dạng 29/11/2026 hoặc 2026-11-29.",
                 "{label}: “{value}” is not a valid date; type 29/11/2026 or 2026-11-29."),
    # -- reports (issue 11) --
    "report_period": ("Kỳ báo cáo «{value}» không hợp lệ; nhập ví dụ 2019, 2019-05, 2019-Q2, 2019-H1, 2019-05-07 "
                      "hoặc 2019-01-01..2019-03-31.",
                      "Report period “{value}” is not valid; type e.g. 2019, 2019-05, 2019-Q2, 2019-H1, 2019-05-07 "
                      "or 2019-01-01..2019-03-31."),
    "report_range": ("Kỳ báo cáo: ngày kết thúc {end} trước ngày bắt đầu {start}.",
                     "Report period: the end {end} is before the start {start}."),
    "report_period_choice": ("Chọn đúng một kỳ báo cáo: --from và --to, hoặc --year, --month, --period.",
                             "Give exactly one report period: --from and --to, or --year, --month, --period."),
    "report_flag": ("{flag}: «{value}» không hợp lệ; nhập dạng {example}.",
                    "{flag}: “{value}” is not valid; type e.g. {example}."),
    "report_key": ("Không có số liệu «{key}» trong báo cáo.", "The report has no figure “{key}”."),
    "report_suffix": ("Tệp «{path}»: chỉ ghi được báo cáo dạng .pdf, .csv hoặc .xlsx.",
                      "File “{path}”: a report can be written as .pdf, .csv or .xlsx only."),
    "report_pdf_missing": ("Bản này chưa có phần in báo cáo ra PDF; hãy ghi .csv hoặc .xlsx.",
                           "This build cannot print a report to PDF yet; write .csv or .xlsx instead."),
    "hen_gio_lead": ("Hẹn giờ phải sau thời điểm nhận ít nhất {hours} giờ ({zone}): sớm nhất {earliest}.",
                     "Hẹn giờ must be at least {hours} h after acceptance ({zone}): {earliest} at the earliest."),
    "accepted_future": ("Thời điểm nhận không được ở tương lai.", "Acceptance time cannot be in the future."),
    "accepted_too_old": ("Thời điểm nhận quá cũ (trước {earliest}).", "Acceptance time is too old (before {earliest})."),
    "back_entry_role": ("Chỉ kiểm soát viên hoặc quản trị được nhập bù bưu gửi với thời điểm nhận cũ.",
                        "Only a supervisor or admin may back-enter items with an earlier acceptance time."),
    "no_tariff": ("Chưa có bảng cước có hiệu lực vào ngày {date}.", "No tariff is in force on {date}."),
    "no_band": ("Bảng cước không có nấc cho {weight}.", "The tariff has no weight band for {weight}."),
    "serial_exhausted": ("Quầy {counter} đã dùng hết dải số hiệu; nhờ quản trị cấp dải mới.",
                         "Counter {counter} has used up its serial block; ask an admin for a new block."),
    "serial_low": ("Quầy {counter} đã dùng {percent}% dải số hiệu (còn {left} số).",
                   "Counter {counter} has used {percent}% of its serial block ({left} left)."),
    "serial_block": ("Dải số hiệu phải là 8 chữ số, từ nhỏ đến lớn (bạn nhập {first}–{last}).",
                     "A serial block is two 8-digit numbers, low to high (you gave {first}–{last})."),
    "serial_overlap": ("Dải số {first}–{last} trùng với dải của quầy {counter}.",
                       "Block {first}–{last} overlaps the block of counter {counter}."),
    "unknown_counter": ("Không có quầy «{code}».", "No counter “{code}”."),
    "no_counter": ("Chưa có quầy nào; hãy khởi tạo bưu cục trước.", "No counter yet; initialise the office first."),
    "service_indicator": ("Mã dịch vụ S10 «{value}» không thuộc dải dùng trong nước (BA–BZ, DA–DZ, GA, GD, NA–NZ, PA–PZ, ZA–ZZ).",
                          "S10 service indicator “{value}” is not in a domestic range (BA–BZ, DA–DZ, GA, GD, NA–NZ, PA–PZ, ZA–ZZ)."),
    "bad_s10": ("«{value}» không phải số hiệu bưu gửi hợp lệ (ví dụ DK473124829VN).",
                "“{value}” is not a valid item id (e.g. DK473124829VN)."),
    "s10_check": ("Số hiệu «{value}» sai số kiểm tra (phải là {expected}).",
                  "Item id “{value}” has a wrong check digit (should be {expected})."),
    "item_not_found": ("Không tìm thấy bưu gửi «{value}».", "No item “{value}”."),
    "not_initialised": ("Cơ sở dữ liệu chưa được khởi tạo: chạy «kt1desk init» hoặc «kt1desk demo».",
                        "The database is not initialised: run “kt1desk init” or “kt1desk demo”."),
    "already_initialised": ("Cơ sở dữ liệu đã có bưu cục {code}.", "The database already has office {code}."),
    # The same words for an unknown login, a wrong password and a locked account: no hint which.
    "login_failed": ("Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang tạm khóa sau nhiều lần sai (chờ tối đa 5 phút).",
                     "Wrong login or password, or the account is locked for a while after failed attempts (up to 5 minutes)."),
    "login_locked": ("Tài khoản «{login}» tạm khóa sau {count} lần sai; thử lại sau {seconds} giây.",
                     "Account “{login}” is locked after {count} failed attempts; try again in {seconds} s."),
    "user_inactive": ("Tài khoản «{login}» đã bị khóa.", "Account “{login}” is disabled."),
    "role_required": ("Việc này cần quyền {roles}; «{login}» là {role}.", "This needs role {roles}; “{login}” is {role}."),
    "login_taken": ("Tên đăng nhập «{login}» đã có.", "Login “{login}” is taken."),
    "bad_login": ("Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch: 2–32 ký tự.",
                  "A login is 2–32 letters (no diacritics), digits, dots, dashes or underscores."),
    "bad_role": ("Vai trò phải là clerk, supervisor hoặc admin.", "Role must be clerk, supervisor or admin."),
    "weak_password": ("Mật khẩu phải có ít nhất {min} ký tự.", "A password needs at least {min} characters."),
    "no_password": ("Cần mật khẩu: đặt biến KT1DESK_PASSWORD hoặc nhập khi được hỏi.",
                    "A password is needed: set KT1DESK_PASSWORD or type it when asked."),
    "appendix": ("Phụ lục phải là I, II hoặc TW (bốn văn phòng Trung ương).",
                 "Appendix must be I, II or TW (the four central offices)."),
    "zone": ("Khu vực phải là noi-thanh (nội thành) hoặc ngoai-thanh (ngoại thành).",
             "Zone must be noi-thanh (inner city) or ngoai-thanh (suburban)."),
    "postal_code": ("Mã bưu chính phải có 5 chữ số (bạn nhập «{value}»).", "A postal code has 5 digits (you typed “{value}”)."),
    "agency_code": ("Mã cơ quan chỉ gồm chữ không dấu, số và gạch, 2–20 ký tự (bạn nhập «{value}»).",
                    "An agency code is 2–20 letters, digits or dashes (you typed “{value}”)."),
    "unknown_successor": ("Cơ quan kế thừa «{code}» chưa có trong danh bạ.", "Successor agency “{code}” is not in the directory."),
    "csv_header": ("Tệp CSV thiếu cột: {missing}. Cần các cột: {expected}.",
                   "The CSV file lacks columns: {missing}. Expected: {expected}."),
    "csv_empty": ("Tệp CSV không có dòng dữ liệu nào.", "The CSV file has no data rows."),
    "csv_rows": ("{count} dòng lỗi, không có gì được ghi:", "{count} bad rows, nothing was written:"),
    "csv_duplicate": ("Mã «{code}» xuất hiện hai lần trong tệp.", "Code “{code}” appears twice in the file."),
    "file_unreadable": ("Không đọc được tệp «{path}»: {reason}.", "Cannot read file “{path}”: {reason}."),
    "tariff_rule": ("Quy tắc cước «{value}» không hợp lệ; dùng band, hoa_toc, hen_gio, secrecy_a, secrecy_b, secrecy_c "
                    "(hoặc secrecy: một mức cho mọi độ mật).",
                    "Tariff rule “{value}” is not valid; use band, hoa_toc, hen_gio, secrecy_a, secrecy_b, secrecy_c "
                    "(or secrecy: one amount for every letter)."),
    "tariff_amount": ("{label}: số tiền phải là số nguyên đồng ≥ 0 (bạn nhập «{value}»).",
                      "{label}: an amount is a whole number of đồng ≥ 0 (you typed “{value}”)."),
    "tariff_bands": ("Bảng cước cần ít nhất một nấc khối lượng, các nấc tăng dần và không trùng.",
                     "A tariff needs at least one weight band, in increasing order with no repeats."),
    "tariff_missing_surcharge": ("Bảng cước thiếu phụ phí: {missing}.", "The tariff lacks surcharges: {missing}."),
    "tariff_exists": ("Đã có bảng cước hiệu lực từ {date}.", "A tariff effective from {date} already exists."),
    "setting_unknown": ("Không có thiết lập «{key}».", "No setting “{key}”."),
    "setting_value": ("Giá trị «{value}» không hợp lệ cho {key}.", "“{value}” is not valid for {key}."),
    # -- paper and manifests (kt1desk.printing, services.manifests) --
    "manifest_not_found": ("Không có bảng kê «{value}».", "No manifest “{value}”."),
    "manifest_closed": ("Bảng kê {id} đã chốt lúc {when}: không sửa được nữa; hãy lập bảng kê điều chỉnh.",
                        "Manifest {id} was closed at {when}: it cannot change; make a correcting manifest."),
    "manifest_open_correct": ("Bảng kê {id} chưa chốt: sửa thẳng trên bảng kê, không cần bảng kê điều chỉnh.",
                              "Manifest {id} is still open: change it directly, no correction is needed."),
    "manifest_corrected": ("Bảng kê {id} đã được điều chỉnh bằng bảng kê {newer}; hãy điều chỉnh bảng kê mới nhất.",
                           "Manifest {id} was already corrected by {newer}; correct the newest one."),
    "manifest_close_empty": ("Bảng kê {id} không có bưu gửi nào: không chốt được.",
                             "Manifest {id} has no items: it cannot be closed."),
    "manifest_nothing": ("Không có bưu gửi nào nhận ngày {date}{destination} để lập bảng kê.",
                         "No items accepted on {date}{destination} to put on a manifest."),
    "item_on_open_manifest": ("Bưu gửi {item} đã có trong bảng kê chưa chốt {manifest}; một bưu gửi chỉ ở một bảng kê chưa chốt.",
                              "Item {item} is already on open manifest {manifest}; an item can be on one open manifest only."),
    "item_not_on_manifest": ("Bưu gửi {item} không có trong bảng kê {id}.", "Item {item} is not on manifest {id}."),
    "item_wrong_destination": ("Bưu gửi {item} gửi đến {province}, không thuộc bảng kê đi {destination}.",
                               "Item {item} goes to {province}, not to {destination} like this manifest."),
    "item_not_accepted": ("Bưu gửi {item} đang ở trạng thái «{status}», không đưa vào bảng kê được.",
                          "Item {item} is “{status}” and cannot go on a manifest."),
    "no_printer": ("Máy tính này chưa cài máy in nào nên chưa in được. Không mất gì: tài liệu đã lưu tại {path}; in lại khi có máy in.",
                   "No printer is installed on this computer, so nothing was printed. Nothing is lost: the document is saved at {path}; print it again when a printer is available."),
    "print_failed": ("Không in được trên máy in «{printer}» ({reason}). Không mất gì: tài liệu đã lưu tại {path}; in lại sau.",
                     "Printing on “{printer}” failed ({reason}). Nothing is lost: the document is saved at {path}; print it again later."),
    "label_size": ("Khổ nhãn «{value}» không hợp lệ; nhập dạng 100x150 (mm, nhỏ nhất 70x90).",
                   "Label size “{value}” is not valid; type e.g. 100x150 (mm, at least 70x90)."),
    "out_required": ("Cần --out TỆP.pdf, --print, hoặc cả hai.", "Give --out FILE.pdf, --print, or both."),
    "file_unwritable": ("Không ghi được tệp «{path}»: {reason}.", "Cannot write file “{path}”: {reason}."),
    # Reports on paper and agency statements (issue 11, rep-paper).
    "report_layout": ("Mẫu báo cáo «{value}» không có; chọn một trong: {layouts}.",
                      "There is no report layout “{value}”; choose one of: {layouts}."),
    "statement_agency": ("Không có cơ quan mã «{code}» trong danh bạ: không lập được bảng kê cước.",
                         "No agency with code “{code}” in the directory: no statement can be made."),
    "statement_month": ("Tháng «{value}» không hợp lệ; nhập dạng YYYY-MM, ví dụ 2026-11.",
                        "“{value}” is not a valid month; type YYYY-MM, e.g. 2026-11."),
    "statement_future": ("Tháng {month} chưa bắt đầu: chưa có gì để lập bảng kê cước.",
                         "Month {month} has not begun: there is nothing to put on a statement yet."),
    # -- issue 8: the database file, bad input, lockout, marks, VAT --
    "db_not_database": ("Tệp «{path}» không phải cơ sở dữ liệu KT1 Desk (hoặc đã hỏng phần đầu). Không ghi gì vào tệp. "
                        "Kiểm tra đường dẫn (--db, KT1DESK_DB) hoặc khôi phục bản sao lưu.",
                        "“{path}” is not a KT1 Desk database (or its beginning is damaged). Nothing was written to it. "
                        "Check the path (--db, KT1DESK_DB) or restore a backup."),
    "db_is_directory": ("«{path}» là một thư mục, không phải tệp cơ sở dữ liệu. Chỉ ra một tệp (--db THƯ_MỤC/kt1desk.sqlite3).",
                        "“{path}” is a folder, not a database file. Name a file (--db FOLDER/kt1desk.sqlite3)."),
    "db_not_file": ("«{path}» không phải tệp thường (thiết bị, ống dẫn…): không dùng làm cơ sở dữ liệu được.",
                    "“{path}” is not a regular file (a device, a pipe…): it cannot hold the database."),
    "db_empty_file": ("Tệp cơ sở dữ liệu «{path}» rỗng (0 byte). Nếu bưu cục này đã có dữ liệu thì dữ liệu đã mất: "
                      "hãy khôi phục bản sao lưu. Chỉ khi đây thật sự là bưu cục mới, xóa tệp rỗng này rồi khởi tạo lại.",
                      "The database file “{path}” is empty (0 bytes). If this office had data, it has been lost: "
                      "restore a backup. Only if this really is a new office, delete the empty file and set up again."),
    "db_damaged": ("Tệp cơ sở dữ liệu «{path}» bị hỏng (kiểm tra toàn vẹn không đạt). Chương trình không ghi gì thêm vào tệp. "
                   "Hãy giữ nguyên tệp này, báo quản trị và khôi phục bản sao lưu gần nhất.",
                   "The database file “{path}” is damaged (its integrity check failed). The program writes nothing more to it. "
                   "Keep the file as it is, tell your admin and restore the latest backup."),
    "db_locked": ("Cơ sở dữ liệu đang bận: một quầy khác ghi quá lâu. Không có gì bị mất; hãy thử lại sau ít phút.",
                  "The database is busy: another counter has been writing too long. Nothing was lost; try again in a few minutes."),
    "db_waiting": ("Đang chờ quầy khác ghi xong…", "Waiting for another counter to finish writing…"),
    "db_disk_full": ("Ổ đĩa chứa «{path}» đã đầy: không ghi được. Không có gì bị mất — việc vừa làm chưa được lưu. "
                     "Giải phóng chỗ trống rồi làm lại.",
                     "The disk holding “{path}” is full: nothing could be written. Nothing was lost — what you just did was "
                     "not saved. Free some space and do it again."),
    "db_read_only": ("Không có quyền ghi vào cơ sở dữ liệu «{path}» (tệp hoặc thư mục chỉ đọc). Không có gì bị mất. "
                     "Nhờ quản trị máy cho người dùng này quyền ghi vào thư mục đó (trên Windows: thêm vào nhóm "
                     "«KT1Desk Users»).",
                     "No permission to write the database “{path}” (the file or its folder is read-only). Nothing was lost. "
                     "Ask the computer's admin to let this user write to that folder (on Windows: add them to the "
                     "“KT1Desk Users” group)."),
    "db_no_access": ("Không mở được cơ sở dữ liệu «{path}»: {reason}.", "Cannot open the database “{path}”: {reason}."),
    "db_bad_folder": ("Không tạo được cơ sở dữ liệu «{path}»: «{folder}» không phải thư mục.",
                      "Cannot create the database “{path}”: “{folder}” is not a folder."),
    "db_io": ("Lỗi đọc/ghi đĩa với «{path}»: {reason}. Không có gì bị mất; kiểm tra ổ đĩa.",
              "Disk read/write error on “{path}”: {reason}. Nothing was lost; check the disk."),
    "bad_char": ("{label}: có ký tự điều khiển hoặc ký tự ẩn ({char}); hãy gõ lại.",
                 "{label}: contains a control or hidden character ({char}); type it again."),
    "own_successor": ("Cơ quan «{code}» không thể là cơ quan kế thừa của chính nó.", "Agency “{code}” cannot be its own successor."),
    "valid_range": ("Ngày hết hiệu lực ({valid_to}) không được trước ngày bắt đầu hiệu lực ({valid_from}).",
                    "Valid to ({valid_to}) cannot be before valid from ({valid_from})."),
    "tariff_duplicate": ("Phụ phí «{rule}» xuất hiện hai lần (dòng {first} và dòng này).",
                         "Surcharge “{rule}” appears twice (line {first} and this line)."),
    "tariff_amount_range": ("{label}: số tiền quá lớn (tối đa {max} đ).", "{label}: amount too large (at most {max} VND)."),
    "yes_no": ("{label}: «{value}» không phải có/không; dùng có, x, 1 hoặc không, 0 (để trống: {default}).",
               "{label}: “{value}” is not yes/no; use có, x, 1 or không, 0 (empty: {default})."),
    "csv_bad": ("Tệp CSV hỏng ở dòng {line}: {reason}.", "The CSV file is broken at line {line}: {reason}."),
    "file_too_big": ("Tệp «{path}» quá lớn (hơn {max} MB); chia nhỏ tệp.", "File “{path}” is too big (over {max} MB); split it."),
    "file_not_regular": ("«{path}» không phải tệp thường.", "“{path}” is not a regular file."),
    "limit_range": ("Số kết quả phải là số nguyên từ 1 đến {max}.", "The number of results must be a whole number from 1 to {max}."),
    "password_encoding": ("Mật khẩu chứa byte không hợp lệ (không phải UTF-8); hãy đặt lại biến KT1DESK_PASSWORD.",
                          "The password holds bytes that are not valid UTF-8; set KT1DESK_PASSWORD again."),
    "hen_gio_too_far": ("Hẹn giờ không được quá {days} ngày sau thời điểm nhận (muộn nhất {latest}).",
                        "Hẹn giờ cannot be more than {days} days after acceptance ({latest} at the latest)."),
    "date_window": ("{label}: ngày phải trong khoảng {earliest}–{latest}.", "{label}: the date must lie in {earliest}–{latest}."),
    # -- issue 9: change log, keys, bundles, sync and the central service --
    "no_counter_key": ("Quầy này chưa có khóa ký: chạy «kt1desk sync key --new».",
                       "This counter has no signing key yet: run “kt1desk sync key --new”."),
    "counter_key_missing": ("Không thấy khóa ký {key_id} của quầy tại {path} (máy mới, hoặc khôi phục từ bản sao lưu?). "
                            "Tạo khóa mới bằng «kt1desk sync key --new» rồi gửi dòng khóa cho tỉnh đăng ký.",
                            "The counter's signing key {key_id} is not at {path} (a new machine, or a restore from a backup?). "
                            "Make a new one with “kt1desk sync key --new” and have the province register its key line."),
    "key_in_memory": ("Cơ sở dữ liệu trong bộ nhớ không có khóa ký.", "A database in memory has no signing key."),
    "key_file_open": ("Tệp khóa {path} đọc được bởi người khác: chỉ chủ sở hữu được đọc (chmod 600).",
                      "Key file {path} is readable by others: only its owner may read it (chmod 600)."),
    "key_line_bad": ("Dòng khóa không hợp lệ («{value}…»): cần dòng bắt đầu bằng kt1desk-key/1.",
                     "Not a valid key line (“{value}…”): it starts with kt1desk-key/1."),
    "key_line_role": ("Dòng khóa này không phải khóa của {expected}.", "This key line is not a {expected} key."),
    "no_province_key": ("Quầy chưa tin cậy khóa nào của tỉnh: chạy «kt1desk sync province-key DÒNG_KHÓA» (quản trị).",
                        "This counter trusts no province key yet: run “kt1desk sync province-key KEY_LINE” (admin)."),
    "bundle_not_bundle": ("Tệp này không phải gói đồng bộ KT1 (thiếu dòng đầu KT1B/1).",
                          "This file is not a KT1 sync bundle (no KT1B/1 first line)."),
    "bundle_version": ("Gói đồng bộ phiên bản «{version}» chưa được hỗ trợ: hãy cập nhật chương trình.",
                       "Sync bundle version “{version}” is not supported: update the program."),
    "bundle_damaged": ("Gói đồng bộ bị hỏng ({reason}): không áp dụng gì.",
                       "The sync bundle is damaged ({reason}): nothing was applied."),
    "bundle_truncated": ("Gói đồng bộ bị cắt cụt ({got} trên {expected} byte): chép lại tệp; không áp dụng gì.",
                         "The sync bundle is cut short ({got} of {expected} bytes): copy the file again; nothing was applied."),
    "bundle_body_hash": ("Nội dung gói đồng bộ không khớp mã băm đã ký (tệp bị sửa hoặc hỏng): không áp dụng gì.",
                         "The sync bundle's body does not match its signed hash (edited or damaged): nothing was applied."),
    "bundle_signature": ("Chữ ký của gói đồng bộ không hợp lệ với khóa {key_id} (phần khai báo bị sửa?): không áp dụng gì.",
                         "The sync bundle's signature is not valid for key {key_id} (was the manifest edited?): nothing was applied."),
    "bundle_unknown_key": ("Gói được ký bằng khóa {key_id} chưa được đăng ký: không áp dụng gì.",
                           "The bundle is signed with key {key_id}, which is not registered: nothing was applied."),
    "bundle_revoked_key": ("Khóa {key_id} đã bị thu hồi lúc {when}: không nhận gói ký bằng khóa này.",
                           "Key {key_id} was revoked at {when}: bundles signed with it are refused."),
    "bundle_expired_key": ("Khóa {key_id} chỉ có hiệu lực đến {when}: gói lập lúc {created} không được nhận.",
                           "Key {key_id} was valid until {when}: a bundle made at {created} is refused."),
    "bundle_wrong_key": ("Khóa {key_id} không thuộc quầy đã gửi gói này: không áp dụng gì.",
                         "Key {key_id} does not belong to the counter that sent this bundle: nothing was applied."),
    "bundle_too_big": ("Gói đồng bộ vượt giới hạn {limit} byte.", "The sync bundle exceeds the limit of {limit} bytes."),
    "bundle_wrong_kind": ("Tệp này là gói loại «{kind}», không phải «{expected}».",
                          "This file is a “{kind}” bundle, not a “{expected}” one."),
    "bundle_wrong_destination": ("Gói này gửi cho «{destination}», không phải «{here}»: không áp dụng gì.",
                                 "This bundle is addressed to “{destination}”, not “{here}”: nothing was applied."),
    "bundle_chain": ("Gói đồng bộ có bản ghi số {seq} không khớp chuỗi băm: không áp dụng gì.",
                     "Entry {seq} of the sync bundle breaks the hash chain: nothing was applied."),
    "bundle_gap": ("Tỉnh mới có đến bản ghi số {held}; gói này bắt đầu từ số {first}: còn thiếu các số {missing}. "
                   "Gửi gói có các bản ghi đó trước.",
                   "The province holds entries up to {held}; this bundle starts at {first}: entries {missing} are missing. "
                   "Send the bundle holding them first."),
    "bundle_fork": ("Tỉnh đã có bản ghi số {seq} của quầy này với nội dung khác (quầy được khôi phục từ bản sao lưu cũ?): "
                    "không áp dụng gì, đã báo cáo.",
                    "The province already holds entry {seq} of this counter with different content (restored from an "
                    "old backup?): nothing was applied; reported."),
    "receipt_not_ours": ("Biên nhận này dành cho quầy khác.", "This receipt is for another counter."),
    "receipt_mismatch": ("Biên nhận xác nhận bản ghi số {seq} khác với bản ghi của quầy này: không ghi nhận.",
                         "The receipt confirms an entry {seq} that differs from this counter's: not recorded."),
    "central_refused": ("Tỉnh từ chối: {reason}", "The province refused: {reason}"),
    "log_broken": ("Nhật ký thay đổi của quầy thiếu bản ghi từ số {seq}: chạy «kt1desk audit verify».",
                   "The counter's change log lacks entries from {seq}: run “kt1desk audit verify”."),
    "push_unreachable": ("Không kết nối được dịch vụ đồng bộ {url} ({reason}). Không mất gì: thử lại sau, hoặc xuất ra USB.",
                         "Cannot reach the sync service {url} ({reason}). Nothing is lost: try again later, or export to a USB stick."),
    "push_http": ("Dịch vụ đồng bộ {url} trả lời lỗi {code}: {reason}", "The sync service {url} answered {code}: {reason}"),
    "push_no_progress": ("Tỉnh không nhận thêm bản ghi nào từ số {seq}: dừng lại.",
                         "The province took no entry from {seq} on: stopped."),
    "province_out_of_order": ("Gói của tỉnh số {publication} cũ hơn gói đã áp dụng (số {latest}): không áp dụng.",
                              "Province bundle {publication} is older than the one applied (number {latest}): not applied."),
    "central_needs_psycopg": ("Máy chủ tỉnh cần gói psycopg và waitress: cài «kt1desk[central]».",
                              "The province server needs psycopg and waitress: install “kt1desk[central]”."),
    "central_unreachable": ("Không kết nối được PostgreSQL ({reason}).", "Cannot connect to PostgreSQL ({reason})."),
    "central_not_initialised": ("Cơ sở dữ liệu chưa có lược đồ kt1: chạy «kt1desk central init».",
                                "The database has no kt1 schema: run “kt1desk central init”."),
    "central_no_key": ("Không có khóa ký của tỉnh tại {path}: chạy «kt1desk central init».",
                       "No province signing key at {path}: run “kt1desk central init”."),
    "central_revoke_unknown": ("Không có khóa {key_id}.", "No key {key_id}."),
    # -- issue 10: the item's life — shifts, bags, dispatch, receipt, delivery, voids, complaints (kt1desk.life) --
    "illegal_transition": ("Bưu gửi {item} đang ở trạng thái «{status}»: không thể {action} (chỉ được khi {allowed}). "
                           "Không có gì thay đổi.",
                           "Item {item} is “{status}”: it cannot be {action} (only when {allowed}). Nothing was changed."),
    "text_too_long": ("{label}: dài quá {max} ký tự.", "{label}: longer than {max} characters."),
    "time_future": ("{label}: không được ở tương lai.", "{label}: cannot be in the future."),
    "time_too_early": ("{label}: không được trước {earliest}.", "{label}: cannot be before {earliest}."),
    "signature_mismatch": ("Chữ ký gõ «{signature}» không khớp họ tên «{name}»: người ký gõ đúng họ tên của mình.",
                           "The typed signature “{signature}” does not match the name “{name}”: the signer types their own name."),
    "signature_image": ("Ảnh chữ ký phải là tệp PNG, không quá {max} KB.", "A signature picture must be a PNG file of at most {max} KB."),
    "shift_not_found": ("Không có ca «{value}».", "No shift “{value}”."),
    "no_open_shift": ("«{login}» chưa có ca đang mở tại quầy {counter}.", "“{login}” has no open shift at counter {counter}."),
    "shift_closed": ("Ca {id} đã chốt lúc {when}: ca đã chốt không thay đổi được nữa.",
                     "Shift {id} was closed at {when}: a closed shift cannot change."),
    "shift_open_z": ("Ca {id} chưa chốt: chưa có báo cáo Z (xem báo cáo X).",
                     "Shift {id} is still open: it has no Z report yet (see the X report)."),
    "cash_amount": ("Số tiền «{value}» không hợp lệ; nhập số đồng, ví dụ 1.500.000.",
                    "“{value}” is not a valid amount; type whole đồng, e.g. 1.500.000."),
    "cash_reason": ("Tiền mặt kiểm đếm {counted} khác số phải có {expected}: ghi lý do chênh lệch (chênh lệch được ghi nhận đúng như khai, không bị đưa về 0).",
                    "Cash counted {counted} differs from the expected {expected}: give the reason (the difference is recorded as declared, never forced to zero)."),
    "unknown_destination": ("Nơi đến «{value}» không phải một tỉnh trong danh bạ, cũng không phải mã bưu cục này ({code}).",
                            "Destination “{value}” is neither a province of the directory nor this office's code ({code})."),
    "bag_not_found": ("Không có túi «{value}».", "No bag “{value}”."),
    "bag_sealed": ("Túi {id} đã niêm phong (số {seal}) lúc {when}, đang «{status}»: không thay đổi được nữa.",
                   "Bag {id} was sealed (seal {seal}) at {when} and is “{status}”: it cannot change any more."),
    "item_in_other_bag": ("Bưu gửi {item} đang ở túi {bag} (chưa niêm phong): một bưu gửi chỉ ở một túi; lấy ra khỏi túi kia trước.",
                          "Item {item} is in bag {bag} (not sealed): an item is in one bag only; take it out of that bag first."),
    "item_wrong_bag": ("Bưu gửi {item} gửi đến {province}, không thuộc túi đi {destination}.",
                       "Item {item} goes to {province}, not to {destination} like this bag."),
    "seal_no": ("Số niêm phong «{value}» không hợp lệ: 3–30 chữ cái không dấu, chữ số, dấu chấm, gạch.",
                "Seal number “{value}” is not valid: 3–30 letters, digits, dots, slashes or dashes."),
    "seal_used": ("Số niêm phong {seal} đã dùng cho túi {bag}.", "Seal {seal} was already used for bag {bag}."),
    "bag_empty": ("Túi {id} chưa có bưu gửi nào: không niêm phong được.", "Bag {id} holds no item: it cannot be sealed."),
    "manifest_of_bag": ("Bảng kê {id} là bảng kê của túi {bag}: thay đổi bằng cách quét bưu gửi vào hoặc ra khỏi túi.",
                        "Manifest {id} belongs to bag {bag}: change it by scanning items into or out of the bag."),
    "bag_not_sealed": ("Túi {id} chưa niêm phong: niêm phong túi trước khi giao chuyến thư.",
                       "Bag {id} is not sealed: seal it before it is dispatched."),
    "bag_dispatched": ("Túi {id} đã giao theo chuyến thư {dispatch}.", "Bag {id} already left with dispatch {dispatch}."),
    "dispatch_not_found": ("Không có chuyến thư «{value}».", "No dispatch “{value}”."),
    "nothing_to_receive": ("Không có túi hay chuyến thư «{value}» ở đây.", "No bag or dispatch “{value}” is known here."),
    "dispatch_not_for_us": ("Chuyến thư {id} không có túi nào gửi đến bưu cục này ({office}).",
                            "Dispatch {id} carries no bag for this office ({office})."),
    "bag_not_for_us": ("Túi {id} gửi đi {destination}, không phải bưu cục này ({office}): không nhận được ở đây.",
                       "Bag {id} goes to {destination}, not to this office ({office}): it cannot be received here."),
    "bag_received": ("Túi {id} đã được nhận (biên bản {receipt}).", "Bag {id} was already received (record {receipt})."),
    "bag_not_dispatched": ("Túi {id} đang «{status}», chưa được giao đi: chưa nhận được.",
                           "Bag {id} is “{status}” and has not been dispatched: it cannot be received."),
    # -- dispatches carried to another office (kt1desk dispatch export/import) --
    "dispatch_unknown_key": ("Tệp chuyến thư được ký bằng khóa {key_id}, bưu cục này chưa tin cậy khóa đó: không nạp gì. "
                             "Áp dụng gói mới nhất của tỉnh, hoặc nhờ quản trị tin cậy dòng khóa của quầy gửi "
                             "(«kt1desk sync trust-peer DÒNG_KHÓA»).",
                             "The dispatch file is signed with key {key_id}, which this office does not trust: nothing was "
                             "imported. Apply the province's latest bundle, or ask an admin to trust the sending counter's "
                             "key line (“kt1desk sync trust-peer KEY_LINE”)."),
    "dispatch_many_destinations": ("Chuyến thư {id} có túi cho nhiều nơi ({destinations}): chọn một nơi đến (--destination).",
                                   "Dispatch {id} carries bags for several places ({destinations}): choose one "
                                   "(--destination)."),
    "dispatch_no_bag_for": ("Chuyến thư {id} không có túi nào đi «{destination}» (chỉ có: {destinations}).",
                            "Dispatch {id} carries no bag for “{destination}” (only: {destinations})."),
    "dispatch_is_local": ("Chuyến thư {id} do chính bưu cục này lập: nhận túi của nó bằng số hiệu, không cần nạp tệp.",
                          "Dispatch {id} was made at this office: receive its bags by their ids, no file is needed."),
    "inbound_bag_known": ("Túi {id} đã có ở bưu cục này: tệp không được nạp.",
                          "Bag {id} is already known at this office: the file was not imported."),
    "inbound_item_local": ("Bưu gửi {item} là bưu gửi nhận tại bưu cục này, nhưng tệp chuyến thư của nơi khác lại kê nó: "
                           "không nạp gì; báo cho tỉnh.",
                           "Item {item} was accepted at this office, yet another office's dispatch file lists it: nothing "
                           "was imported; tell the province."),
    "inbound_item_known": ("Bưu gửi {item} đã được kê trong túi {bag} của một chuyến thư nạp trước: không nạp gì.",
                           "Item {item} is already listed in bag {bag} of a dispatch imported before: nothing was imported."),
    "receipt_not_found": ("Không có biên bản nhận «{value}».", "No receipt record “{value}”."),
    "nothing_to_correct": ("Không có gì khác để điều chỉnh ở bưu gửi {item}.", "Nothing differs: item {item} was not corrected."),
    "complaint_kind": ("Loại khiếu nại «{value}» không hợp lệ; dùng loss (mất), delay (chậm), damage (hư hỏng) hoặc fee (cước).",
                       "Complaint kind “{value}” is not valid; use loss, delay, damage or fee."),
    "complaint_voided": ("Bưu gửi {item} đã bị hủy: không nhận khiếu nại.", "Item {item} was voided: no complaint can be lodged."),
    "complaint_not_delivered": ("Bưu gửi {item} chưa được phát: khiếu nại hư hỏng nhận sau khi phát.",
                                "Item {item} has not been delivered: a damage complaint comes after delivery."),
    "complaint_too_early": ("Bưu gửi {item} còn trong hạn phát (đến {deadline}): chưa nhận khiếu nại «{kind}».",
                            "Item {item} is still within its deadline ({deadline}): a “{kind}” complaint cannot be lodged yet."),
    "complaint_too_late": ("Quá thời hạn khiếu nại «{kind}» của bưu gửi {item}: {months} kể từ {start}, hết ngày {last}.",
                           "Too late for a “{kind}” complaint about item {item}: {months} after {start}, ended on {last}."),
    "complaint_answered": ("Khiếu nại {id} đã được trả lời lúc {when}: không sửa được.",
                           "Complaint {id} was answered at {when}: it cannot change."),
    "complaint_outcome": ("Kết quả «{value}» không hợp lệ; dùng upheld (chấp nhận), partly (một phần) hoặc rejected (không chấp nhận).",
                          "Outcome “{value}” is not valid; use upheld, partly or rejected."),
    "complaint_not_found": ("Không có khiếu nại «{value}».", "No complaint “{value}”."),
    "item_on_closed_manifest": ("Bưu gửi {item} có trong bảng kê đã chốt {manifest}, bảng kê ghi nó như lúc nhận: "
                                "không điều chỉnh được; hủy bưu gửi và nhận gửi lại.",
                                "Item {item} is on closed manifest {manifest}, which lists it as accepted: it cannot be "
                                "corrected; void it and accept it again."),
    "billing": ("Thanh toán phải là cash (tiền mặt tại quầy) hoặc account (ghi nợ, thanh toán theo tháng).",
                "Billing must be cash (at the counter) or account (monthly, under a contract)."),
    # -- issue 12: where the data lives, backup, restore, start-up checks --
    "db_newer": ("Cơ sở dữ liệu «{path}» đã được một phiên bản KT1 Desk mới hơn nâng cấp ({names}); phiên bản này không "
                 "dùng được nó và không ghi gì vào tệp. Cài phiên bản mới nhất của KT1 Desk, hoặc khôi phục một bản sao lưu "
                 "do phiên bản này tạo ra («kt1desk restore TỆP»).",
                 "The database “{path}” was upgraded by a newer KT1 Desk ({names}); this version cannot use it and wrote "
                 "nothing to it. Install the newest KT1 Desk, or restore a backup made by this version "
                 "(“kt1desk restore FILE”)."),
    "db_in_use": ("Cơ sở dữ liệu «{path}» đang được mở ở một cửa sổ hoặc lệnh KT1 Desk khác trên máy này: đóng nó rồi làm lại.",
                  "The database “{path}” is open in another KT1 Desk window or command on this machine: close it and try again."),
    "backup_no_folder": ("Chưa chọn thư mục sao lưu: đặt trong Cài đặt (hoặc «kt1desk setting set backup_folder THƯ_MỤC»), "
                         "hoặc dùng «kt1desk backup --out THƯ_MỤC».",
                         "No backup folder is set: choose one in Settings (or “kt1desk setting set backup_folder FOLDER”), "
                         "or use “kt1desk backup --out FOLDER”."),
    "backup_folder_missing": ("Không thấy thư mục sao lưu «{folder}»: cắm USB hoặc kết nối ổ mạng rồi làm lại. Dữ liệu "
                              "của quầy không bị ảnh hưởng.",
                              "The backup folder “{folder}” is not there: plug in the USB stick or connect the network "
                              "share and try again. The counter's data is not affected."),
    "backup_failed": ("Không sao lưu được vào «{folder}»: {reason}. Không có bản sao lưu dở dang nào được để lại; dữ liệu "
                      "của quầy không bị ảnh hưởng.",
                      "The backup into “{folder}” failed: {reason}. No partial backup was left; the counter's data is "
                      "not affected."),
    "backup_copy_bad": ("Bản sao lưu vừa tạo không đạt kiểm tra ({reason}) và đã bị xóa. Chạy «kt1desk check» cho cơ sở "
                        "dữ liệu và thử lại với một USB khác.",
                        "The backup just made failed its check ({reason}) and was removed. Run “kt1desk check” on the "
                        "database and try again with another USB stick."),
    "restore_refused": ("Không khôi phục từ «{path}»: {reason}. Cơ sở dữ liệu hiện tại không bị thay đổi.",
                        "Not restoring from “{path}”: {reason}. The current database was not changed."),
    "restore_other_office": ("Bản sao lưu «{path}» là của {backup}, còn cơ sở dữ liệu trên máy này là của {current}: không "
                             "khôi phục. Nếu thật sự muốn thay, hãy chuyển tệp hiện tại đi chỗ khác trước.",
                             "The backup “{path}” belongs to {backup}, but the database on this machine belongs to "
                             "{current}: not restoring. If you really mean to replace it, move the current file away first."),
    "serials_unconfirmed": ("Quầy vừa được khôi phục từ bản sao lưu ({as_of}): chưa biết số hiệu cuối cùng đã cấp sau bản sao "
                            "lưu, nên chưa cấp số hiệu mới. Quản trị nhập số hiệu trên biên nhận hoặc nhãn in gần nhất "
                            "(«kt1desk serials --last-id SỐ_HIỆU», hoặc Cài đặt), hoặc hỏi tỉnh («kt1desk serials --central URL»).",
                            "This counter was just restored from a backup ({as_of}): the last id issued after that backup is "
                            "not known yet, so no new id is issued. An admin enters the id on the latest receipt or label "
                            "(“kt1desk serials --last-id ID”, or Settings), or asks the province (“kt1desk serials --central URL”)."),
    "serial_not_ours": ("Số hiệu {id} không thuộc dải số hiệu nào của quầy {counter}.",
                        "Id {id} is in none of counter {counter}'s serial blocks."),
    "serials_no_source": ("Cho biết số hiệu cuối cùng đã cấp (--last-id) hoặc địa chỉ dịch vụ của tỉnh (--central).",
                          "Give the last id issued (--last-id) or the province service's address (--central)."),
    "central_unknown_counter": ("Dịch vụ của tỉnh chưa biết quầy này ({uuid}): tỉnh chưa đăng ký khóa của quầy.",
                                "The province service does not know this counter ({uuid}): its key was never registered."),
}


class Kt1Error(Exception):
    """A refusal with a message for people. ``field`` names the form field, if any."""

    def __init__(self, code: str, field: str | None = None, /, **params: object):
        self.code = code
        self.field = field
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "vi") -> str:
        vi, en = MESSAGES[self.code]
        template = en if lang == "en" else vi
        params = {k: (v.get(lang, v["vi"]) if isinstance(v, dict) else v) for k, v in self.params.items()}
        return template.format(**params)


class ItemRefused(Kt1Error):
    """The item was refused at the counter and the refusal was recorded."""

    def __init__(self, code: str, refusal_id: int, /, **params: object):
        super().__init__(code, **params)
        self.refusal_id = refusal_id


class RowErrors(Kt1Error):
    """A file import found bad rows; nothing was written. ``rows`` holds (line, error)."""

    def __init__(self, rows: list[tuple[int, Kt1Error]]):
        self.rows = rows
        super().__init__("csv_rows", count=len({line for line, _ in rows}))

    def text(self, lang: str = "vi") -> str:
        head = super().text(lang)
        word = "line" if lang == "en" else "dòng"
        return "\n".join([head] + [f"  {word} {line}: {err.text(lang)}" for line, err in self.rows])


def label(vi: str, en: str) -> dict[str, str]:
    """A field label in both languages, for use as a message parameter."""
    return {"vi": vi, "en": en}


FIELD_LABELS = {
    "sender": label("Cơ quan gửi", "Sender"),
    "recipient": label("Cơ quan nhận", "Recipient"),
    "kind": label("Loại", "Kind"),
    "weight_g": label("Khối lượng", "Weight"),
    "pieces": label("Số kiện", "Pieces"),
    "secrecy": label("Độ mật", "Secrecy"),
    "hen_gio_at": label("Hẹn giờ", "Hẹn giờ time"),
    "accepted_at": label("Thời điểm nhận", "Acceptance time"),
    "effective_from": label("Ngày hiệu lực", "Effective from"),
    "login": label("Tên đăng nhập", "Login"),
    "password": label("Mật khẩu", "Password"),
    "code": label("Mã", "Code"),
    "name": label("Tên", "Name"),
    "province": label("Tỉnh", "Province"),
    "office_code": label("Mã bưu cục", "Office code"),
    "office_name": label("Tên bưu cục", "Office name"),
    "full_name": label("Họ tên", "Full name"),
    "presented_by": label("Người mang đến (họ tên)", "Presented by (full name)"),
}


class FieldErrors(Kt1Error):
    """Several fields of one form are wrong; ``errors`` has one Kt1Error per problem."""

    def __init__(self, errors: list[Kt1Error]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.code, first.field, **first.params)

    def text(self, lang: str = "vi") -> str:
        return "\n".join(err.text(lang) for err in self.errors)

    def by_field(self, lang: str = "vi") -> dict[str, str]:
        out: dict[str, str] = {}
        for err in self.errors:
            key = err.field or ""
            out[key] = (out[key] + " " if key in out else "") + err.text(lang)
        return out
