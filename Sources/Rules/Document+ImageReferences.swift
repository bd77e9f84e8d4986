import Model
import Syntax

/// A value that names one image as a single reference string (`NAME[:TAG][@DIGEST]`).
struct ImageReferenceField {
    var node: NodeRef?
    /// The key as the template spells it, for messages.
    var field: String
    /// Whether the service also has `build:` (Compose builds the image; the reference may be empty or a
    /// name for the result).
    var besideBuild: Bool
}

extension Document {
    /// Where each kind writes an image as one reference string: Compose services' `image`, pod
    /// containers' `image`, an application's `imageRef`. (Alauda splits the reference into
    /// `image_name` and `image_tag`, so it is not among them.) The rules that read references
    /// (`image-reference`, `unpinned-image`) ask here, so a kind's image fields are listed once.
    var imageReferenceFields: [ImageReferenceField] {
        switch self {
        case .compose(let compose):
            compose.services.map { ImageReferenceField(node: $0.imageNode, field: "image", besideBuild: $0.build != nil) }
        case .pod(let pod):
            pod.containers.map { ImageReferenceField(node: $0.imageNode, field: "image", besideBuild: false) }
        case .application(let application):
            [ImageReferenceField(node: application.imageRef, field: "imageRef", besideBuild: false)]
        default:
            []
        }
    }
}
