package th.ita.app.reference;

import io.micronaut.serde.annotation.SerdeImport;
import th.ita.core.geography.District;
import th.ita.core.geography.Province;

/** Core records serialized as they are; core itself stays free of framework annotations. */
@SerdeImport(Province.class)
@SerdeImport(District.class)
final class ReferenceSerdes {
    private ReferenceSerdes() {
    }
}
