package th.ita.core.geography;

import static java.util.Objects.requireNonNull;

/** One of the 77 provinces (76 จังหวัด and Bangkok); code is the two-digit official code. */
public record Province(String code, String nameTh, String nameEn) {
    public Province {
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
    }
}
