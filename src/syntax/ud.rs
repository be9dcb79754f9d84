//! The Universal Dependencies vocabularies the stages read: parts of speech and relations.

/// A universal part of speech (<https://universaldependencies.org/u/pos/>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub(crate) enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// The tag of the tagger's class `c` (the order of [`super::UPOS`]).
    pub fn of(c: u8) -> Upos {
        use Upos::*;
        const ALL: [Upos; 17] = [Adj, Adp, Adv, Aux, Cconj, Det, Intj, Noun, Num, Part, Pron, Propn, Punct, Sconj, Sym, Verb, X];
        ALL.get(c as usize).copied().unwrap_or(X)
    }

    /// Its name as UD writes it ("PROPN").
    pub fn name(self) -> &'static str {
        super::UPOS[self as usize]
    }
}

/// A dependency relation (<https://universaldependencies.org/u/dep/>), with the subtypes of UD
/// English that the stages tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub(crate) enum Rel {
    Acl,
    AclRelcl,
    Advcl,
    AdvclRelcl,
    Advmod,
    Amod,
    Appos,
    Aux,
    AuxPass,
    Case,
    Cc,
    CcPreconj,
    Ccomp,
    Compound,
    CompoundPrt,
    Conj,
    Cop,
    Csubj,
    CsubjPass,
    Dep,
    Det,
    DetPredet,
    Discourse,
    Dislocated,
    Expl,
    Fixed,
    Flat,
    Goeswith,
    Iobj,
    List,
    Mark,
    Nmod,
    NmodPoss,
    NmodUnmarked,
    NmodDesc,
    Nsubj,
    NsubjPass,
    NsubjOuter,
    Nummod,
    Obj,
    Obl,
    OblAgent,
    OblUnmarked,
    Orphan,
    Parataxis,
    Punct,
    Reparandum,
    Root,
    Vocative,
    Xcomp,
}

impl Rel {
    /// The relation named `name` ("nmod:poss"); an unknown subtype is its universal relation, an
    /// unknown relation `Dep`.
    pub fn of(name: &str) -> Rel {
        use Rel::*;
        match name {
            "acl" => Acl,
            "acl:relcl" => AclRelcl,
            "advcl" => Advcl,
            "advcl:relcl" => AdvclRelcl,
            "advmod" => Advmod,
            "amod" => Amod,
            "appos" => Appos,
            "aux" => Aux,
            "aux:pass" => AuxPass,
            "case" => Case,
            "cc" => Cc,
            "cc:preconj" => CcPreconj,
            "ccomp" => Ccomp,
            "compound" => Compound,
            "compound:prt" => CompoundPrt,
            "conj" => Conj,
            "cop" => Cop,
            "csubj" => Csubj,
            "csubj:pass" => CsubjPass,
            "det" => Det,
            "det:predet" => DetPredet,
            "discourse" => Discourse,
            "dislocated" => Dislocated,
            "expl" => Expl,
            "fixed" => Fixed,
            "flat" => Flat,
            "goeswith" => Goeswith,
            "iobj" => Iobj,
            "list" => List,
            "mark" => Mark,
            "nmod" => Nmod,
            "nmod:poss" => NmodPoss,
            "nmod:unmarked" => NmodUnmarked,
            "nmod:desc" => NmodDesc,
            "nsubj" => Nsubj,
            "nsubj:pass" => NsubjPass,
            "nsubj:outer" => NsubjOuter,
            "nummod" => Nummod,
            "obj" => Obj,
            "obl" => Obl,
            "obl:agent" => OblAgent,
            "obl:unmarked" => OblUnmarked,
            "orphan" => Orphan,
            "parataxis" => Parataxis,
            "punct" => Punct,
            "reparandum" => Reparandum,
            "root" => Root,
            "vocative" => Vocative,
            "xcomp" => Xcomp,
            other => match other.split_once(':') {
                Some((base, _)) => Rel::of(base),
                None => Dep,
            },
        }
    }

    /// Its name as UD writes it ("nmod:poss").
    pub fn name(self) -> &'static str {
        use Rel::*;
        match self {
            Acl => "acl",
            AclRelcl => "acl:relcl",
            Advcl => "advcl",
            AdvclRelcl => "advcl:relcl",
            Advmod => "advmod",
            Amod => "amod",
            Appos => "appos",
            Aux => "aux",
            AuxPass => "aux:pass",
            Case => "case",
            Cc => "cc",
            CcPreconj => "cc:preconj",
            Ccomp => "ccomp",
            Compound => "compound",
            CompoundPrt => "compound:prt",
            Conj => "conj",
            Cop => "cop",
            Csubj => "csubj",
            CsubjPass => "csubj:pass",
            Dep => "dep",
            Det => "det",
            DetPredet => "det:predet",
            Discourse => "discourse",
            Dislocated => "dislocated",
            Expl => "expl",
            Fixed => "fixed",
            Flat => "flat",
            Goeswith => "goeswith",
            Iobj => "iobj",
            List => "list",
            Mark => "mark",
            Nmod => "nmod",
            NmodPoss => "nmod:poss",
            NmodUnmarked => "nmod:unmarked",
            NmodDesc => "nmod:desc",
            Nsubj => "nsubj",
            NsubjPass => "nsubj:pass",
            NsubjOuter => "nsubj:outer",
            Nummod => "nummod",
            Obj => "obj",
            Obl => "obl",
            OblAgent => "obl:agent",
            OblUnmarked => "obl:unmarked",
            Orphan => "orphan",
            Parataxis => "parataxis",
            Punct => "punct",
            Reparandum => "reparandum",
            Root => "root",
            Vocative => "vocative",
            Xcomp => "xcomp",
        }
    }

    /// A subject of any kind: "nsubj", "nsubj:pass", "csubj".
    #[allow(dead_code)] // for the stages being rebuilt on the parse
    pub fn is_subject(self) -> bool {
        matches!(self, Rel::Nsubj | Rel::NsubjPass | Rel::NsubjOuter | Rel::Csubj | Rel::CsubjPass)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_read_by_name_and_subtypes_fall_back() {
        assert_eq!(Rel::of("nmod:poss"), Rel::NmodPoss);
        assert_eq!(Rel::of("obl:tmod"), Rel::Obl);
        assert_eq!(Rel::of("nonsense"), Rel::Dep);
        for name in ["acl:relcl", "nsubj:pass", "obl:agent", "root", "xcomp", "compound:prt"] {
            assert_eq!(Rel::of(name).name(), name);
        }
        assert_eq!(Upos::of(11).name(), "PROPN");
        assert_eq!(Upos::of(200), Upos::X);
    }
}
