package th.ita.ingest;

import java.util.List;
import java.util.Optional;
import th.ita.core.thai.ThaiText;

/**
 * What a column holds, recognised from its header in Thai or English. In the long layout a row is
 * one organization × year × metric (columns METRIC and VALUE); in the wide layout every column that
 * is not one of these roles names a metric (a code such as "ind3" or a Thai name).
 */
enum ColumnRole {
    ORGANIZATION_CODE("organization_code", "org_code", "code", "รหัส", "รหัสหน่วยงาน", "รหัสอปท", "รหัสองค์กรปกครองส่วนท้องถิ่น"),
    ORGANIZATION_NAME("organization_name", "org_name", "name", "organization", "ชื่อหน่วยงาน", "หน่วยงาน", "ชื่อ", "ชื่ออปท", "ชื่อองค์กรปกครองส่วนท้องถิ่น"),
    ORGANIZATION_NAME_EN("organization_name_en", "name_en", "ชื่อภาษาอังกฤษ"),
    ORGANIZATION_TYPE("organization_type", "type", "ประเภท", "ประเภทหน่วยงาน", "ประเภทอปท"),
    PROVINCE("province", "จังหวัด"),
    DISTRICT("district", "อำเภอ", "เขต"),
    YEAR("year", "fiscal_year", "ปี", "ปีงบประมาณ", "ปีพศ", "ปีงบ"),
    METRIC("metric", "indicator", "ตัวชี้วัด", "รายการ", "เกณฑ์"),
    VALUE("value", "score", "คะแนน", "ค่าคะแนน"),
    LEVEL("level", "ระดับ", "ระดับผลการประเมิน", "ผลการประเมิน"),
    /** The published rank among the LAOs of the province, kept beside the rank the analytics compute. */
    RANK("rank", "ลำดับ", "ลำดับที่", "reported_rank");

    private final List<String> headers;

    ColumnRole(String... headers) {
        this.headers = List.of(headers);
    }

    static Optional<ColumnRole> of(String header) {
        String key = ThaiText.matchKey(header).replace("_", "").replace("-", "");
        for (ColumnRole role : values()) {
            for (String name : role.headers) {
                if (key.equals(ThaiText.matchKey(name).replace("_", ""))) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }
}
