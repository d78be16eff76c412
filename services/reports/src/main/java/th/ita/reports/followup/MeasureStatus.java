package th.ita.reports.followup;

import java.util.Arrays;

/** Where a measure stands. */
public enum MeasureStatus {
    PLANNED("ยังไม่ดำเนินการ"),
    IN_PROGRESS("อยู่ระหว่างดำเนินการ"),
    DONE("ดำเนินการแล้วเสร็จ"),
    CANCELLED("ยกเลิก");

    private final String nameTh;

    MeasureStatus(String nameTh) {
        this.nameTh = nameTh;
    }

    public String nameTh() {
        return nameTh;
    }

    /** A status from its code (PLANNED, IN_PROGRESS, DONE, CANCELLED) or its Thai name. */
    public static java.util.Optional<MeasureStatus> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String plain = text.strip();
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(plain) || s.nameTh.equals(plain)).findFirst();
    }
}
